import pg from "pg";
import { explainConnectionError } from "./connection-errors.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { startEmbedded } from "./embedded/start-embedded.ts";
import type { DatabaseTarget } from "./target.ts";

/**
 * A raw SQL connection beside the Prisma client, for what Prisma's API does not do:
 * multi-statement migration scripts, the read path's planned statements, and
 * database-level checks. It shares the `pg` pool with the Prisma adapter.
 */
export interface SqlConnection {
  /** Runs a script of one or more statements, without parameters, atomically. */
  execScript(sql: string): Promise<void>;
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** The pool both Prisma and the read path use, whichever the database. */
export interface OpenedConnection {
  readonly pool: pg.Pool;
  readonly sql: SqlConnection;
  /** The embedded database's files as a tarball (embedded targets only): test templates. */
  readonly dump?: (file: string) => Promise<void>;
}

export interface PoolOptions {
  /** Connections to a PostgreSQL server (the embedded database always has one). */
  readonly poolSize?: number | undefined;
  /** PostgreSQL stops any statement that runs longer (the embedded database cannot). */
  readonly statementTimeoutMs?: number | undefined;
  /** An in-memory embedded database starts from this tarball of database files (tests). */
  readonly loadFrom?: string | undefined;
}

const DEFAULT_POOL_SIZE = 10;
/** Below this, word similarity is noise: "hiero" scores 0.67 against "Fresh Foam Hierro v5", "574" 0.5 against "576". */
export const SEARCH_WORD_SIMILARITY_THRESHOLD = 0.3;

/**
 * Opens the target. Both kinds end as a `pg` pool: PostgreSQL directly, the embedded
 * database through its socket (embedded/start-embedded.ts), with one connection,
 * because PGlite is one session.
 */
export async function openConnection(target: DatabaseTarget, options: PoolOptions = {}): Promise<OpenedConnection> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      // No JIT: our statements are short reads whose plans can cost above jit_above_cost
      // at a million rows; compiling them took 0.9–1.75 s per brand page (issue 23), more
      // than running them. Reads that would need JIT to be fast are refused by the cost limit.
      options: "-c jit=off",
      Client: SessionClient,
      ...(options.statementTimeoutMs !== undefined && { statement_timeout: options.statementTimeoutMs }),
    });
    try {
      await probe(pool);
    } catch (error) {
      throw explainConnectionError(error, target.url);
    }
    return { pool, sql: poolConnection(pool, async () => {}) };
  }
  const lock = target.kind === "pglite" ? lockDataDir(target.dataDir) : undefined;
  try {
    const embedded = await startEmbedded(target.kind === "pglite" ? target.dataDir : undefined, {
      loadFrom: target.kind === "memory" ? options.loadFrom : undefined,
    });
    // One connection, kept open: the session (and its prepared statements) lives as
    // long as the pool.
    const pool = new pg.Pool({ ...embedded.connection, max: 1, idleTimeoutMillis: 0, Client: SessionClient });
    const release = async () => {
      await embedded.close();
      lock?.release();
    };
    try {
      await probe(pool);
    } catch (error) {
      await pool.end();
      await release();
      throw error;
    }
    return { pool, sql: poolConnection(pool, release), dump: (file) => embedded.dump(file) };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * Settings every session of ours has, on both databases. Search's trigram operators
 * (`name %> query`) compare with pg_trgm's word-similarity threshold, a session setting:
 * it is set to the score search ranks with (server/src/search/fuzzy-search.ts). The
 * embedded bridge does not honour startup options, so it is a SET, sent by the client
 * itself once connected, before the pool hands it out (a query from the pool's
 * `connect` event would race the pool's own: pg 9 refuses that).
 */
const SESSION_SETUP = `SET pg_trgm.word_similarity_threshold = ${SEARCH_WORD_SIMILARITY_THRESHOLD}`;

class SessionClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: ((error: Error) => void) | ((error: null, client: pg.Client) => void)): void;
  override connect(callback?: ((error: Error) => void) | ((error: null, client: pg.Client) => void)): Promise<pg.Client> | void {
    const ready = super.connect().then(async () => {
      await super.query(SESSION_SETUP);
      return this as pg.Client;
    });
    if (!callback) return ready;
    const done = callback as (error: Error | null, client?: pg.Client) => void;
    ready.then((client) => done(null, client), (error: Error) => done(error));
  }
}

/** Fails fast with the real reason (refused, unknown database, ...) rather than on the first query. */
async function probe(pool: pg.Pool): Promise<void> {
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  client.release();
}

function poolConnection(pool: pg.Pool, afterClose: () => Promise<void>): SqlConnection {
  let closed = false;
  // An idle connection the server ends (restart, failover, a forced DROP DATABASE) is
  // dropped from the pool and the next query opens another; unhandled, pg would throw.
  pool.on("error", () => {});
  // pool.end() resolves once its connections are asked to close, not once they have:
  // close() waits for them, so nothing of this database outlives it.
  const open = new Set<pg.PoolClient>();
  pool.on("connect", (client) => {
    open.add(client);
    client.once("end", () => open.delete(client));
  });
  return {
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(script);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(sql, [...params]);
      return result.rows as Row[];
    },
    async close() {
      if (closed) return;
      closed = true;
      const ended = [...open].map((client) => new Promise<void>((resolve) => {
        client.once("end", resolve);
        client.once("error", () => resolve());
      }));
      await pool.end();
      await Promise.race([Promise.all(ended), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await afterClose();
    },
  };
}
