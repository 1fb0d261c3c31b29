import { createRedisCache } from "@envelop/response-cache-redis";
import { redactUrl } from "@solegraph/db";
import { createInMemoryCache, type Cache } from "@graphql-yoga/plugin-response-cache";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";
import type { Logger } from "../observability/logger.ts";

/**
 * What the server processes of a fleet share: the response cache's store and its
 * generation, and the feed of committed changes. With REDIS_URL they live in Redis and
 * every replica sees every other's writes; without it, in this process only (one
 * replica, or several that accept answers up to the cache's TTL old on the others).
 *
 * Consistency: every committed write bumps the generation before the mutation
 * answers, and cached answers are keyed by the generation read when the request
 * arrives, so once a write is acknowledged no replica serves an answer cached before
 * it. Live changes go through pub/sub and arrive shortly after.
 */
export interface SharedState {
  /** "Redis at redis://…" or "this process" (for the start-up log). */
  readonly description: string;
  /** The response cache's store (keys carry their generation; see use-response-cache.ts). */
  readonly cache: Cache;
  /** The current cache generation; undefined when the store cannot be reached (then nothing is cached). */
  generation(): Promise<number | undefined>;
  /** After a write commits: invalidates every cached answer, then announces its change records. */
  committed(changeIds: readonly number[]): Promise<void>;
  /** Committed change ids as they happen, on any replica; ends when the state closes. */
  changes(): AsyncIterableIterator<number>;
  close(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`Cannot connect to Redis in REDIS_URL (${redactUrl(url)}): ${cause instanceof Error ? cause.message : String(cause)}. Is Redis running there, and is the URL right? Unset REDIS_URL to run without it.`, { cause });
    this.name = "RedisUnavailableError";
  }
}

const GENERATION_KEY = "solegraph:cache-generation";
const CHANGE_TOPIC = "change";
const CONNECT_TIMEOUT_MS = 5_000;

type ChangeEvents = { [CHANGE_TOPIC]: [changeId: number] };

export async function createSharedState({ redisUrl, logger }: { redisUrl: string | undefined; logger: Logger }): Promise<SharedState> {
  return redisUrl === undefined ? localState() : redisState(redisUrl, logger);
}

/** The state of one process on its own (no REDIS_URL; tests). */
export function localState(): SharedState {
  let generation = 0;
  const pubSub = createPubSub<ChangeEvents>();
  const feeds = new FeedRegistry(() => pubSub.subscribe(CHANGE_TOPIC));
  return {
    description: "this process (no REDIS_URL)",
    cache: createInMemoryCache(),
    generation: async () => generation,
    async committed(changeIds) {
      generation += 1;
      for (const id of changeIds) pubSub.publish(CHANGE_TOPIC, id);
    },
    changes: () => feeds.open(),
    async close() {
      feeds.closeAll();
    },
  };
}

async function redisState(url: string, logger: Logger): Promise<SharedState> {
  // Commands fail fast when Redis is away (the cache then steps aside) instead of queueing.
  const options = { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: CONNECT_TIMEOUT_MS, enableOfflineQueue: false };
  const commands = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, maxRetriesPerRequest: null, enableOfflineQueue: true });
  for (const client of [commands, subscriber]) client.on("error", (error: Error) => logger.warn({ err: error }, "Redis connection trouble"));
  try {
    await Promise.all([commands.connect(), subscriber.connect()]);
  } catch (error) {
    commands.disconnect();
    subscriber.disconnect();
    throw new RedisUnavailableError(url, error);
  }
  const pubSub = createPubSub<ChangeEvents>({ eventTarget: createRedisEventTarget({ publishClient: commands, subscribeClient: subscriber }) });
  const feeds = new FeedRegistry(() => pubSub.subscribe(CHANGE_TOPIC));
  return {
    description: `Redis at ${redactUrl(url)}`,
    cache: createRedisCache({ redis: commands }),
    async generation() {
      try {
        return Number((await commands.get(GENERATION_KEY)) ?? 0);
      } catch (error) {
        logger.warn({ err: error }, "Redis unreachable: answering without the response cache");
        return undefined;
      }
    },
    async committed(changeIds) {
      try {
        await commands.incr(GENERATION_KEY);
        for (const id of changeIds) pubSub.publish(CHANGE_TOPIC, id);
      } catch (error) {
        // The write has committed; replicas may serve cached answers up to their TTL old.
        logger.error({ err: error, changeIds }, "Redis unreachable after a write: cached answers may be stale until they expire");
      }
    },
    changes: () => feeds.open(),
    async close() {
      feeds.closeAll();
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}

/** Open change feeds, so closing the state ends every subscriber's stream (and its connection). */
class FeedRegistry {
  readonly #open = new Set<AsyncIterableIterator<number>>();
  constructor(private readonly subscribe: () => AsyncIterable<number>) {}

  open(): AsyncIterableIterator<number> {
    const source = this.subscribe()[Symbol.asyncIterator]();
    const registry = this.#open;
    const feed: AsyncIterableIterator<number> = {
      next: () => source.next(),
      async return() {
        registry.delete(feed);
        return (await source.return?.()) ?? { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return feed;
      },
    };
    registry.add(feed);
    return feed;
  }

  closeAll(): void {
    for (const feed of this.#open) void feed.return?.();
  }
}
