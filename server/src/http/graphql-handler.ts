import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { DriverException, type MikroORM } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config';
import { withStatementTally, type StatementTally } from '../db/sql-statement-counter';
import type { RequestContext } from '../graphql/context';
import { httpHeadFor } from '../graphql/error-mapping';
import { Loaders } from '../graphql/loaders';
import { AuditReads } from '../modules/audit/audit-reads';
import { AuthService } from '../modules/auth/auth.service';
import { parseCookies, SESSION_COOKIE } from '../modules/auth/session-cookie.util';
import { AppError, CommonErrors } from '../platform/app-error';
import { pickLocale, translate } from '../platform/i18n';
import { EdgeErrors } from './edge-messages';
import { clientIp, readBody, RequestTooLargeError } from './request.util';

export const MAX_BODY_BYTES = 1_000_000;

const localeOf = (req: IncomingMessage) => pickLocale(parseCookies(req.headers.cookie).kp_lang, req.headers['accept-language']);

/**
 * Serves POST/GET /graphql through Apollo on plain Node HTTP. Each request gets its own
 * forked EntityManager, fresh DataLoaders and a statement tally (sent as x-sql-statements, except in production).
 */
export function createGraphqlHandler(apollo: ApolloServer<RequestContext>, orm: MikroORM<PostgreSqlDriver>, config: AppConfig) {
  const auth = new AuthService();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const tally: StatementTally = { count: 0 };
    await withStatementTally(tally, async () => {
      let body: string;
      try {
        body = req.method === 'POST' ? await readBody(req, MAX_BODY_BYTES) : '';
      } catch (err) {
        const tooLarge = err instanceof RequestTooLargeError;
        const code = tooLarge ? EdgeErrors.REQUEST_TOO_LARGE : EdgeErrors.BAD_REQUEST_BODY;
        if (tooLarge) res.setHeader('connection', 'close'); // do not read the rest of an oversized body
        res.writeHead(tooLarge ? 413 : 400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: translate(localeOf(req), code), extensions: { code } }] }));
        return;
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      let parsedBody: unknown = body;
      if (body && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          parsedBody = JSON.parse(body);
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: translate(localeOf(req), EdgeErrors.BAD_REQUEST_BODY), extensions: { code: 'BAD_REQUEST' } }] }));
          return;
        }
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const cookies = parseCookies(req.headers.cookie);
      const responseCookies: string[] = [];
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsedBody },
        context: async () => {
          const em = orm.em.fork();
          const session = await auth.lookup(em, cookies[SESSION_COOKIE]).catch((err: unknown) => {
            if (!(err instanceof DriverException)) throw err;
            // No plugin runs for a request whose context failed: the HTTP status travels on the error.
            const code = CommonErrors.DATABASE_UNAVAILABLE;
            throw new GraphQLError(code, { originalError: new AppError(code), extensions: { code, http: httpHeadFor(code) } });
          });
          const loaders = new Loaders();
          const ctx: RequestContext = {
            config,
            em,
            user: session.user,
            sessionExpired: session.expired,
            locale: pickLocale(cookies.kp_lang, req.headers['accept-language']),
            ip: clientIp(req),
            req,
            responseCookies,
            loaders,
            tally,
            auditReads: new AuditReads(),
          };
          loaders.bind(ctx);
          return ctx;
        },
      });
      for (const [name, value] of result.headers) res.setHeader(name, value);
      if (responseCookies.length) res.setHeader('set-cookie', responseCookies);
      res.setHeader('cache-control', 'no-store');
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        // Tests and benchmarks count statements; a production server does not tell a stranger how
        // much work her request caused (a registration of a known phone number does less).
        if (config.nodeEnv !== 'production') res.setHeader('x-sql-statements', String(tally.count));
        res.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    });
  };
}
