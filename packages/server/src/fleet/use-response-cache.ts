import { defaultBuildResponseCacheKey } from "@envelop/response-cache";
import { useResponseCache as useYogaResponseCache, type Cache } from "@graphql-yoga/plugin-response-cache";
import type { Plugin } from "graphql-yoga";
import type { SharedState } from "./shared-state.ts";

/** Answers served from the cache carry this mark (graphql-yoga's response cache sets it). */
export const SERVED_FROM_CACHE = Symbol.for("servedFromResponseCache");

/**
 * graphql-yoga's response cache for public queries, over the shared store. Requests
 * with an Authorization header bypass it (their answers may depend on the token).
 * Invalidation is by generation, not by entity: every committed write bumps the
 * generation (shared-state.ts), the generation is part of every key, and a key of an
 * older generation is never served — also not as a 304 for an old ETag. Entity-based
 * invalidation would miss lists a new row joins and the verdicts a citation changes.
 * Hits are answered before the query is even parsed.
 */
export function useSharedResponseCache(shared: SharedState, ttlMs: number): Plugin {
  const current = new WeakMap<Request, number | undefined>();
  const generationOf = async (request: Request) => {
    if (!current.has(request)) current.set(request, await shared.generation());
    return current.get(request);
  };
  const cache: Cache = {
    async get(key) {
      const generation = GENERATION_OF_KEY.exec(key)?.[1];
      if (generation === undefined || Number(generation) !== (await shared.generation())) return undefined;
      return shared.cache.get(key);
    },
    set: (key, result, entities, ttl) => shared.cache.set(key, result, entities, ttl),
    invalidate: (entities) => shared.cache.invalidate(entities),
  };
  return useYogaResponseCache({
    cache,
    ttl: ttlMs,
    session: () => null,
    enabled: (request) => !request.headers.has("authorization"),
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    // Only what is read: the store needs no entity records, as nothing invalidates by entity.
    idFields: [],
    async buildResponseCacheKey(params) {
      const generation = await generationOf(params.request);
      // Unreachable store: a key no entry has (the answer is computed, and not reused).
      if (generation === undefined) return `uncached:${crypto.randomUUID()}`;
      return `g${generation}:${await defaultBuildResponseCacheKey(params)}`;
    },
    shouldCacheResult: ({ cacheKey, result }) => !cacheKey.startsWith("uncached:") && !result.errors?.length,
  });
}

const GENERATION_OF_KEY = /^g(\d+):/;

/**
 * Cache-Control on GET answers: public ones may be stored by browsers and CDNs but must
 * be revalidated (the ETag the response cache sets makes that a cheap 304); answers to
 * authenticated requests are never stored.
 */
export function useCacheControl(): Plugin {
  return {
    onResponse({ request, response }) {
      if (request.method !== "GET" || !new URL(request.url).pathname.startsWith("/graphql")) return;
      if (!(response.headers.get("content-type") ?? "").includes("json")) return;
      response.headers.set("cache-control", request.headers.has("authorization") ? "private, no-store" : "public, no-cache");
    },
  };
}
