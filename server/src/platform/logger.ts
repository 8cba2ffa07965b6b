import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout, one line per event. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'kupang-platform' }, redact: ['req.headers.cookie', 'password', '*.password'] });
}
