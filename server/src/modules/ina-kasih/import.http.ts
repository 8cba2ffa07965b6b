import type { IncomingMessage, ServerResponse } from 'node:http';
import { roleHasPermission, Permission } from '../../graphql/permissions';
import type { AuthUser } from '../../graphql/context';
import { clientIp, RequestTooLargeError } from '../../http/request.util';
import { pickLocale, translate, type Locale } from '../../platform/i18n';
import { AuthService } from '../auth/auth.service';
import { parseCookies, SESSION_COOKIE } from '../auth/session-cookie.util';
import type { HttpRoute, HttpRouteContext } from '../feature-module';
import { auditInsert } from '../audit/audit.service';
import { FamilyImportJob, ImportMode, type ImportProblem } from './import-job.entity';
import { importJobsVisibleTo } from './import-scope.util';
import { ImportErrors } from './import.errors';
import { FamilyImportService, ImportRefusal, MAX_IMPORT_BYTES } from './import.service';
import { templateCsv, templateXlsx } from './import-template.util';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Upload content types a cross-site HTML form cannot send without a CORS preflight. */
const UPLOAD_TYPES = ['text/csv', XLSX_TYPE, 'application/octet-stream'];

function readBuffer(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new RequestTooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new RequestTooLargeError());
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const localeOf = (req: IncomingMessage): Locale => pickLocale(parseCookies(req.headers.cookie).kp_lang, req.headers['accept-language']);

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const refuse = (req: IncomingMessage, res: ServerResponse, status: number, code: string, params?: Record<string, unknown>) =>
  json(res, status, { code, message: translate(localeOf(req), code, params) });

/** The signed-in user when they hold the permission; otherwise answers 401/403 and returns undefined. */
async function authorize(req: IncomingMessage, res: ServerResponse, ctx: HttpRouteContext, permission: Permission): Promise<AuthUser | undefined> {
  const { user } = await new AuthService().lookup(ctx.orm.em.fork(), parseCookies(req.headers.cookie)[SESSION_COOKIE]);
  if (!user) return void refuse(req, res, 401, 'UNAUTHENTICATED');
  if (!roleHasPermission(user.role, permission)) return void refuse(req, res, 403, 'FORBIDDEN');
  return user;
}

const csvField = (v: string | number | undefined) => {
  const s = String(v ?? '');
  return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The per-row report as CSV, in the caller's language. */
export function reportCsv(report: ImportProblem[], locale: Locale): string {
  const header = locale === 'id' ? ['baris', 'kolom', 'jenis', 'kode', 'keterangan'] : ['row', 'column', 'kind', 'code', 'message'];
  const kind = (p: ImportProblem) => (p.warning ? (locale === 'id' ? 'peringatan' : 'warning') : locale === 'id' ? 'kesalahan' : 'error');
  return `\ufeff${[header.join(';'), ...report.map((p) => [p.row, p.column, kind(p), p.code, locale === 'id' ? p.id : p.en].map(csvField).join(';'))].join('\r\n')}\r\n`;
}

/**
 * POST /api/ina-kasih/imports?mode=ALL_OR_NOTHING|VALID_ROWS&name=<file name>, body = the file.
 * Answers 202 { jobId } at once; progress and report through the GraphQL query familyImportJob.
 */
const upload: HttpRoute = {
  method: 'POST',
  path: /^\/api\/ina-kasih\/imports$/,
  async handle(req, res, ctx) {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!UPLOAD_TYPES.includes(type)) return refuse(req, res, 415, ImportErrors.IMPORT_UNREADABLE);
    const user = await authorize(req, res, ctx, Permission.FamilyManage);
    if (!user) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file: Buffer;
    try {
      file = await readBuffer(req, MAX_IMPORT_BYTES);
    } catch (err) {
      if (err instanceof RequestTooLargeError) res.setHeader('connection', 'close');
      return refuse(req, res, err instanceof RequestTooLargeError ? 413 : 400, ImportErrors.IMPORT_FILE_TOO_LARGE, { max: MAX_IMPORT_BYTES / 1024 / 1024 });
    }
    try {
      const service = new FamilyImportService(ctx.orm, ctx.config.piiKey!, ctx.logger);
      const { job } = await service.start(user, clientIp(req), url.searchParams.get('name') ?? 'impor', file, url.searchParams.get('mode') as ImportMode);
      json(res, 202, { jobId: job.id });
    } catch (err) {
      if (err instanceof ImportRefusal) return refuse(req, res, err.code === ImportErrors.IMPORT_FILE_ALREADY_IMPORTED ? 409 : 400, err.code, err.params);
      throw err;
    }
  },
};

/** GET /api/ina-kasih/imports/template.csv or .xlsx: the file staff fill in. */
const template: HttpRoute = {
  method: 'GET',
  path: /^\/api\/ina-kasih\/imports\/template\.(csv|xlsx)$/,
  async handle(req, res, ctx, match) {
    if (!(await authorize(req, res, ctx, Permission.FamilyRead))) return;
    const xlsx = match[1] === 'xlsx';
    res.writeHead(200, {
      'content-type': xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="templat-impor-keluarga.${match[1]}"`,
      'cache-control': 'no-store',
    });
    res.end(xlsx ? await templateXlsx() : templateCsv());
  },
};

/** GET /api/ina-kasih/imports/<id>/report.csv: the per-row report of one import. */
const report: HttpRoute = {
  method: 'GET',
  path: /^\/api\/ina-kasih\/imports\/([0-9a-f-]{36})\/report\.csv$/,
  async handle(req, res, ctx, match) {
    const user = await authorize(req, res, ctx, Permission.FamilyManage);
    if (!user) return;
    const em = ctx.orm.em.fork();
    const job = await em.findOne(FamilyImportJob, { $and: [{ id: match[1] }, importJobsVisibleTo(user)] }, { populate: ['report'] });
    if (!job) return refuse(req, res, 404, ImportErrors.IMPORT_NOT_FOUND);
    // The report names rows of families: the download is a read of personal data, audited before it leaves.
    const audit = auditInsert({ id: user.id, role: user.role, ip: clientIp(req) }, 'ina.family.import_report', 'FamilyImportJob', job.id, { after: { lines: job.report.length } });
    await em.getConnection().execute(audit.sql, audit.params);
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="laporan-impor-${job.id.slice(0, 8)}.csv"`, 'cache-control': 'no-store' });
    res.end(reportCsv(job.report, localeOf(req)));
  },
};

export const importRoutes: HttpRoute[] = [upload, template, report];
