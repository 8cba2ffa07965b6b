import { DriverException } from '@mikro-orm/core';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Keys whose values are personal data or secrets wherever they appear in a log entry (a backstop:
 * code should not log them at all). A consent withdrawal cannot reach into old log files.
 */
const PERSONAL_KEYS = ['password', 'email', 'phone', 'nik', 'kk', 'fullName', 'ownerName', 'headName', 'birthDate', 'address', 'ip', 'variables', 'params', 'bindings'];

/** Fields of driver errors that name things (a constraint, a table, an SQLSTATE), never values. */
const SAFE_ERROR_FIELDS = ['code', 'sqlState', 'errno', 'severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine', 'reason'];

/** Numbers long enough to be a phone, NIK or KK; e-mail addresses; calendar dates (a birth date). */
const PERSONAL_PATTERNS: [RegExp, string][] = [
  [/[^\s@"'<>()]+@[^\s@"'<>()]+\.[A-Za-z]{2,}/g, '[email]'],
  [/\+?\d[\d\s.-]{6,}\d/g, '[number]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[date]'],
];

/** MikroORM's wrapper of a driver error, or a driver error itself (it has an SQLSTATE). */
const isDriverError = (err: Error & { code?: unknown }) => err instanceof DriverException || (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code));

/**
 * What an error may say in the log. MikroORM inlines a statement's values into the SQL it sends,
 * and the driver error's message is that SQL, " - ", then PostgreSQL's own message (whose values
 * come after a colon, e.g. `invalid input syntax for type uuid: "…"`): only PostgreSQL's message is
 * kept, its quoted values removed; `detail` ("Key (phone)=(+62…)") and `where` are never kept.
 * Other errors keep their message with every quoted string removed (object dumps, JSON snippets).
 */
export function safeErrorMessage(err: Error): string {
  let message = String(err.message ?? '');
  if (isDriverError(err)) {
    message = message.slice(message.lastIndexOf(' - ') + 1).replace(/^- /, '');
    message = message.replace(/:\s*\S[^]*$/, ': …');
  } else {
    message = message.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '…').replace(/\{[^]*\}/g, '{…}');
  }
  for (const [pattern, replacement] of PERSONAL_PATTERNS) message = message.replace(pattern, replacement);
  return message;
}

/** Stack frames only: the first lines of a stack repeat the message (with MikroORM's, the whole SQL). */
function framesOnly(stack: string | undefined): string | undefined {
  return stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/** The log form of an error: its class, safe identifying fields, a safe message and the stack frames. */
export function safeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const out: Record<string, unknown> = { type: err.constructor?.name ?? err.name, message: safeErrorMessage(err) };
  for (const key of SAFE_ERROR_FIELDS) {
    const value = (err as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  out.stack = framesOnly(err.stack);
  if (err.cause !== undefined && depth < 3) out.cause = safeError(err.cause, depth + 1);
  return out;
}

/**
 * Structured JSON logs, one line per event (stdout unless a destination is given). Errors go
 * through `safeError` whatever key they are logged under (`err`, `error`, or as the first argument),
 * and personal keys are redacted, so no log line carries a value of a personal field, whatever
 * failed and at every level (also `trace`, where SQL statements are logged without their values).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kupang-platform' },
      serializers: { err: (e: unknown) => safeError(e), error: (e: unknown) => safeError(e) },
      redact: { paths: ['req.headers.cookie', ...PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`])], censor: '[redacted]' },
    },
    destination,
  );
}
