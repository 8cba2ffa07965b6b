import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * Zero-setup PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the
 * PostgreSQL wire protocol on a loopback port, with its files under `dataDir`.
 * Every socket connection shares one backend session, so callers use a pool of one.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string | undefined, port: number): Promise<EmbeddedPostgres> {
  let db: PGlite;
  if (dataDir) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    db = await PGlite.create(dataDir);
  } else {
    db = await PGlite.create();
  }
  // Room for the app pool, the migrator and a psql session for an operator.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgres://postgres:postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
