import type { Db } from "@solegraph/db";
import { GraphQLError } from "graphql";
import { createPubSub } from "graphql-yoga";
import type pg from "pg";
import type { Logger } from "../observability/logger.ts";

/** Open change streams one token may hold, and one process. */
export const STREAM_LIMITS = { perToken: 10, perProcess: 2_000 } as const;
/** How often open streams' tokens are looked at: a revoked token's streams end within this. */
const REVOCATION_CHECK_MS = 500;
/** How long a lost LISTEN connection waits before listening again. */
const RELISTEN_MS = 1_000;
/** The channel the "Change" trigger notifies (migration 20261207000000_write_generation). */
const CHANNEL = "solegraph_change";
/** How long a change's read is kept for the streams still being written to. */
const SHARED_READ_MS = 10_000;

type ChangeEvents = { change: [changeId: number] };

/**
 * Live changes: committed change ids, delivered once to every open stream of this
 * process. On PostgreSQL they come from the database (LISTEN; the "Change" trigger
 * notifies at commit, whoever wrote: any replica, the CLI importer), over one
 * connection per process, so a write costs the same whatever the number of streams.
 * On the embedded database (one process) writes announce their own changes.
 *
 * Streams follow their token: every REVOCATION_CHECK_MS, one query asks which open
 * streams' tokens were revoked, and their streams end. Streams are capped per token
 * and per process (STREAM_LIMITS) with a coded refusal, TOO_MANY_STREAMS.
 */
export interface ChangeFeed {
  /** After a write commits: its change ids (delivered here only where the database cannot notify). */
  committed(changeIds: readonly number[]): void;
  /** A stream of committed change ids for a token; throws TOO_MANY_STREAMS over the caps. */
  open(tokenId: number): AsyncIterableIterator<number>;
  /** The first stream's read of a change (keyed by change and selection), shared by every stream asking the same. */
  readOnce<T>(key: string, read: () => Promise<T>): Promise<T>;
  /** Ends every open stream (server stop). */
  close(): Promise<void>;
}

export function createChangeFeed(db: Db, logger: Logger, limits: { perToken: number; perProcess: number } = STREAM_LIMITS): ChangeFeed {
  const pubSub = createPubSub<ChangeEvents>();
  const notifies = db.target.kind === "postgres";
  const streams = new Map<AsyncIterableIterator<number>, number>();
  let listener: Listener | undefined;
  let watcher: NodeJS.Timeout | undefined;

  const watchRevocations = async () => {
    const tokenIds = [...new Set(streams.values())];
    if (tokenIds.length === 0) return;
    try {
      const { rows } = await db.pool.query<{ id: number }>(`SELECT "id" FROM "ApiToken" WHERE "id" = ANY($1::int[]) AND "revokedAt" IS NOT NULL`, [tokenIds]);
      const revoked = new Set(rows.map((row) => row.id));
      for (const [stream, tokenId] of streams) if (revoked.has(tokenId)) void stream.return?.();
    } catch (error) {
      logger.warn({ err: error }, "Could not check open streams' tokens; trying again shortly");
    }
  };

  const reads = new Map<string, Promise<unknown>>();
  return {
    readOnce<T>(key: string, read: () => Promise<T>): Promise<T> {
      const known = reads.get(key);
      if (known) return known as Promise<T>;
      const reading = read();
      reads.set(key, reading);
      setTimeout(() => reads.delete(key), SHARED_READ_MS).unref();
      reading.catch(() => reads.delete(key));
      return reading;
    },
    committed(changeIds) {
      if (notifies) return;
      for (const id of changeIds) pubSub.publish("change", id);
    },
    open(tokenId) {
      const ofToken = [...streams.values()].filter((id) => id === tokenId).length;
      if (ofToken >= limits.perToken || streams.size >= limits.perProcess) {
        throw new GraphQLError(
          ofToken >= limits.perToken ? `This token has ${ofToken} change streams open, the most one token may hold; close one first.` : "This server has as many change streams open as it serves; try another replica or later.",
          { extensions: { code: "TOO_MANY_STREAMS", http: { status: 429, headers: { "retry-after": "5" } } } },
        );
      }
      if (notifies && !listener) listener = listen(db.pool, logger, (id) => pubSub.publish("change", id));
      watcher ??= setInterval(() => void watchRevocations(), REVOCATION_CHECK_MS);
      const source = pubSub.subscribe("change")[Symbol.asyncIterator]();
      const stream: AsyncIterableIterator<number> = {
        next: () => source.next(),
        async return() {
          streams.delete(stream);
          if (streams.size === 0 && watcher) {
            clearInterval(watcher);
            watcher = undefined;
          }
          return (await source.return?.()) ?? { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => stream,
      };
      streams.set(stream, tokenId);
      return stream;
    },
    async close() {
      for (const stream of streams.keys()) void stream.return?.();
      if (watcher) clearInterval(watcher);
      await listener?.close();
      listener = undefined;
    },
  };
}

interface Listener {
  close(): Promise<void>;
}

/** LISTENs on one pooled connection; a lost connection is replaced after RELISTEN_MS. */
function listen(pool: pg.Pool, logger: Logger, deliver: (changeId: number) => void): Listener {
  let closed = false;
  let client: pg.PoolClient | undefined;
  let retry: NodeJS.Timeout | undefined;
  const start = async () => {
    try {
      const connection = await pool.connect();
      if (closed) return connection.release();
      client = connection;
      connection.on("notification", (message) => {
        if (message.channel === CHANNEL && message.payload) deliver(Number(message.payload));
      });
      connection.on("error", (error) => {
        logger.warn({ err: error }, "Lost the connection that listens for changes; listening again shortly");
        client = undefined;
        connection.release(error);
        if (!closed) retry = setTimeout(() => void start(), RELISTEN_MS);
      });
      await connection.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      logger.warn({ err: error }, "Cannot listen for changes; trying again shortly");
      if (!closed) retry = setTimeout(() => void start(), RELISTEN_MS);
    }
  };
  void start();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      if (!client) return;
      const connection = client;
      client = undefined;
      await connection.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      connection.release();
    },
  };
}
