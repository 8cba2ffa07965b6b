/**
 * WhatsApp is how people in Kupang actually pass things on. A `wa.me` link opens WhatsApp
 * (app or web) with the text filled in: to one number (`https://wa.me/6281234560001?text=…`)
 * or, without a number, letting the person pick the chat (`https://wa.me/?text=…`).
 */

/** An Indonesian mobile number as wa.me wants it: digits only, country code, no "+" ("6281234560001"); null if it is not one. */
export function waNumber(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[\s().-]/g, '');
  const international = digits.startsWith('+') ? digits.slice(1) : digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
  return /^628\d{7,11}$/.test(international) ? international : null;
}

/** A wa.me link with the text filled in, to `phone` when given (and valid), else to a chat the person chooses. */
export function whatsappLink(text: string, phone?: string | null): string {
  const number = phone ? waNumber(phone) : null;
  if (phone && !number) throw new Error('not an Indonesian mobile number');
  return `https://wa.me/${number ?? ''}?text=${encodeURIComponent(text)}`;
}
