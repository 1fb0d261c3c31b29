import { redactUrl } from "@solegraph/db";
import { createInMemoryCache, type Cache } from "@graphql-yoga/plugin-response-cache";
import type { ExecutionResult } from "graphql";
import { Redis } from "ioredis";
import type { Logger } from "../observability/logger.ts";
import { REDIS_CALL_TIMEOUT_MS, RedisCircuit } from "./redis-circuit.ts";

/**
 * What the server processes of a fleet share: the response cache's store. With
 * REDIS_URL it lives in Redis, every call behind a circuit (redis-circuit.ts), so Redis
 * is an accelerator only: down or hung, it costs speed (the cache is off), never an
 * answer. Correctness does not rest on it either: cached answers are keyed by the write
 * generation PostgreSQL keeps (write-generation in @solegraph/db), and live changes come
 * through PostgreSQL (change-feed.ts).
 */
export interface SharedState {
  /** "Redis at redis://…" or "this process" (for the start-up log). */
  readonly description: string;
  /** The response cache's store (keys carry their generation; see use-response-cache.ts). */
  readonly cache: Cache;
  /** "none" without REDIS_URL; else whether Redis answers now (/ready's detail, /metrics). */
  redis(): "none" | "up" | "down";
  close(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`Cannot connect to Redis in REDIS_URL (${redactUrl(url)}): ${cause instanceof Error ? cause.message : String(cause)}. Is Redis running there, and is the URL right? Unset REDIS_URL to run without it.`, { cause });
    this.name = "RedisUnavailableError";
  }
}

const CONNECT_TIMEOUT_MS = 5_000;

export async function createSharedState({ redisUrl, logger }: { redisUrl: string | undefined; logger: Logger }): Promise<SharedState> {
  return redisUrl === undefined ? localState() : redisState(redisUrl, logger);
}

/** The state of one process on its own (no REDIS_URL; tests). */
export function localState(): SharedState {
  return {
    description: "this process (no REDIS_URL)",
    cache: createInMemoryCache(),
    redis: () => "none",
    async close() {},
  };
}

/**
 * Redis at start must answer (a wrong REDIS_URL is a configuration mistake, reported at
 * once); afterwards an outage is survived: commands fail fast (no offline queue, a
 * command timeout), the circuit answers without the cache, and the client reconnects.
 */
export async function redisState(url: string, logger: Logger, circuit = new RedisCircuit(logger)): Promise<SharedState> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: CONNECT_TIMEOUT_MS, commandTimeout: REDIS_CALL_TIMEOUT_MS, enableOfflineQueue: false });
  // Connection trouble is the circuit's to report (once), not a line per reconnect attempt.
  redis.on("error", () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new RedisUnavailableError(url, error);
  }
  // Plain GET and SET: entries are keyed by generation and expire by TTL, nothing is
  // invalidated by entity (use-response-cache.ts), and each command's failure must
  // reach the circuit (a pipeline reports failures inside a resolved result).
  const cache: Cache = {
    get: (key) => circuit.call(async () => parseEntry(await redis.get(key)), undefined),
    set: (key, data, _entities, ttl) => circuit.call(async () => void (Number.isFinite(ttl) ? await redis.set(key, JSON.stringify(data), "PX", ttl) : await redis.set(key, JSON.stringify(data))), undefined),
    invalidate: () => undefined,
  };
  return {
    description: `Redis at ${redactUrl(url)}`,
    cache,
    redis: () => (circuit.available ? "up" : "down"),
    async close() {
      redis.disconnect();
    },
  };
}

function parseEntry(stored: string | null): ExecutionResult | undefined {
  return stored === null ? undefined : (JSON.parse(stored) as ExecutionResult);
}
