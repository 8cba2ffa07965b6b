import type { ServerResponse } from 'node:http';

/** Headers every response carries; the portal adds its own Content-Security-Policy. */
export function setSecurityHeaders(res: ServerResponse, secure: boolean): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'same-origin');
  if (secure) res.setHeader('strict-transport-security', 'max-age=31536000');
}
