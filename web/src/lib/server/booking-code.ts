import qrcode from 'qrcode-generator';

/**
 * The check-in code of a stall booking: `SABOAK:<booking id>`. The booking's id is a random UUID,
 * so the code identifies the booking and nothing else — no name, phone or business — and is safe
 * to show on a screen at the gate. Market staff scan it on the day board (CheckInScanner), which
 * submits that booking's own check-in form.
 */
export const bookingCodeText = (bookingId: string) => `SABOAK:${bookingId}`;

/** A QR code as one SVG path (drawn on the server, no script or inline style on the page), with its size in modules. */
export function qrSvgPath(text: string): { size: number; path: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  let path = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  return { size: n + 2 * quiet, path };
}
