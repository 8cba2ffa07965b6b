import 'reflect-metadata';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { seedDemo } from './db/seeders/demo.seeder';
import { ensureFirstAdmin } from './db/seeders/first-admin';
import type { RequestContext } from './graphql/context';
import { createAuditReadsPlugin } from './graphql/audit-reads.plugin';
import { createFormatError, errorResponsePlugin } from './graphql/error-mapping';
import { QUERY_LIMITS, queryLimitsRule } from './graphql/query-limits';
import { inputSanityPlugin } from './graphql/input-sanity.plugin';
import { createRateLimitPlugin } from './graphql/rate-limit';
import { getSchema } from './graphql/schema';
import { compressWhenSafe } from './http/compression';
import { createGraphqlHandler } from './http/graphql-handler';
import { normalizeForwarding } from './http/request.util';
import { setSecurityHeaders } from './http/security-headers';
import { featureModules } from './modules/feature-modules';
import { User } from './modules/user/user.entity';
import { loadOrCreateDevPiiKey } from './platform/dev-pii-key';
import { startIdempotencyRetention } from './platform/idempotency-retention';

/** How long a shutdown waits for requests in flight before closing their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface App {
  server: http.Server;
  database: Database;
  url: string;
  /** True when this start seeded the demo data. */
  seededDemo: boolean;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Serve the built portal as well (default: when web/build exists). */
  serveWeb?: boolean;
}

async function loadWebHandler(config: AppConfig, logger: Logger): Promise<NodeHandler | undefined> {
  const file = path.join(config.webBuildDir, 'handler.js');
  if (!fs.existsSync(file)) {
    logger.warn({ file }, 'portal not built; only the API is served (run npm run build)');
    return undefined;
  }
  // The portal reads the caller's address and protocol from the headers normalizeForwarding writes,
  // so its CSRF check and its sign-in throttling see the real client also behind a reverse proxy.
  process.env.PROTOCOL_HEADER ||= 'x-forwarded-proto';
  process.env.ADDRESS_HEADER ||= 'x-forwarded-for';
  const mod = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
  return mod.handler;
}

/** Wires configuration, database, GraphQL schema and HTTP; `main.ts` only starts it. */
export async function createApp(config: AppConfig, logger: Logger, options: AppOptions = {}): Promise<App> {
  // loadConfig already refused a missing key in production.
  config.piiKey ??= loadOrCreateDevPiiKey(config.dataDir);
  const database = await openDatabase(config, logger);
  const { orm } = database;

  let seededDemo = false;
  const em = orm.em.fork();
  const wantsDemo = config.seedDemo === 'always' || (config.seedDemo === 'auto' && !config.databaseUrl && (await em.count(User, {})) === 0);
  if (wantsDemo) {
    await seedDemo(em, logger, { piiKey: config.piiKey, emptyRegistry: config.nodeEnv === 'test' });
    seededDemo = true;
  }
  if (await ensureFirstAdmin(em, config)) logger.info({ email: config.adminEmail }, 'first administrator created');

  // Explorers and code generators read the schema in development; production answers data only.
  const introspection = config.nodeEnv !== 'production';
  const apollo = new ApolloServer<RequestContext>({
    schema: await getSchema(),
    formatError: createFormatError(logger),
    // Apollo's own warnings go into the JSON log too.
    logger,
    // Cache control is off: every answer is `no-store`, and its hook would run for every field resolved.
    plugins: [errorResponsePlugin, inputSanityPlugin, createRateLimitPlugin(config), createAuditReadsPlugin(logger), ApolloServerPluginCacheControlDisabled()],
    introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it closes HTTP, Apollo and the database in order.
    stopOnTerminationSignals: false,
    validationRules: [queryLimitsRule({ introspection })],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
  });
  await apollo.start();
  const graphql = createGraphqlHandler(apollo, orm, config);
  const web = options.serveWeb === false ? undefined : await loadWebHandler(config, logger);

  const moduleRoutes = featureModules.flatMap((m) => m.httpRoutes ?? []);
  const server = http.createServer((req, res) => {
    if (!server.listening) res.shouldKeepAlive = false; // shutting down: let this socket close after the answer
    setSecurityHeaders(res, config.cookieSecure);
    normalizeForwarding(req, config.trustedProxies);
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/graphql') {
      graphql(req, res).catch((err: Error) => {
        logger.error({ err }, 'GraphQL transport failure');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}');
      });
      return;
    }
    const route = req.method === 'GET' || req.method === 'POST' ? moduleRoutes.find((r) => r.method === req.method && r.path.test(pathname)) : undefined;
    if (route) {
      route.handle(req, res, { orm, config, logger }, route.path.exec(pathname)!).catch((err: Error) => {
        logger.error({ err, path: pathname }, 'module route failure');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"code":"INTERNAL_SERVER_ERROR"}');
      });
      return;
    }
    if (pathname === '/healthz') {
      orm.em
        .getConnection()
        .execute('select 1')
        .then(
          () => ({ status: 200, body: { status: 'ok', database: 'ok' } }),
          () => ({ status: 503, body: { status: 'degraded', database: 'unreachable' } }),
        )
        .then(({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(body));
        });
      return;
    }
    if (web) {
      compressWhenSafe(req, res);
      web(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found (the portal is not built)');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${config.port} is already in use; set PORT to another port`) : err),
    );
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  const stopRetention = startIdempotencyRetention(orm, config.idempotencyRetentionDays, logger);
  // The portal's server side calls the API over loopback HTTP on this same process.
  process.env.INTERNAL_API_URL = `http://127.0.0.1:${port}/graphql`;

  return {
    server,
    database,
    url,
    seededDemo,
    async close() {
      stopRetention();
      // Drain: stop accepting, close idle keep-alive sockets, let requests in flight finish
      // (at most SHUTDOWN_GRACE_MS), then cut whatever is left.
      await new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      await apollo.stop();
      await database.close();
    },
  };
}
