import { defaultBuildResponseCacheKey } from "@envelop/response-cache";
import { useResponseCache as useYogaResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { Plugin } from "graphql-yoga";
import { MAX_VARIABLE_DEPTH, nestedDeeperThan } from "../limits/value-depth.ts";
import type { SharedState } from "./shared-state.ts";

/** Answers served from the cache carry this mark (graphql-yoga's response cache sets it). */
export const SERVED_FROM_CACHE = Symbol.for("servedFromResponseCache");

/**
 * graphql-yoga's response cache for public queries, over the shared store. Requests
 * with an Authorization header bypass it (their answers may depend on the token).
 * Invalidation is by generation, not by entity: every committed write bumps the
 * generation, kept in PostgreSQL (write-generation.ts in @solegraph/db: a Redis restart
 * or flush can only cost misses), and the generation read as a request arrives is part of its
 * key, so entries of older generations are never looked up — and an old ETag is
 * dropped before the cache could answer it with a 304. Entity-based invalidation would
 * miss lists a new row joins and the verdicts a citation changes. Hits are answered
 * before the query is even parsed; each public query costs one read of the generation.
 */
export function useSharedResponseCache(shared: SharedState, generation: () => Promise<string | undefined>, ttlMs: number): Plugin {
  const cache = useYogaResponseCache({
    cache: shared.cache,
    ttl: ttlMs,
    session: () => null,
    enabled: (request) => !request.headers.has("authorization"),
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    // Only what is read: the store needs no entity records, as nothing invalidates by entity.
    idFields: [],
    async buildResponseCacheKey(params) {
      const current = await generation();
      // Unreachable store: a key no entry has (the answer is computed, and not reused).
      // Too deep to key (the hygiene check refuses the request; its stringify must not overflow first).
      if (current === undefined || nestedDeeperThan(params.variableValues, MAX_VARIABLE_DEPTH)) return `uncached:${crypto.randomUUID()}`;
      return `g${current}:${await defaultBuildResponseCacheKey(params)}`;
    },
    shouldCacheResult: ({ cacheKey, result }) => !cacheKey.startsWith("uncached:") && !result.errors?.length,
  });
  return {
    onPluginInit({ addPlugin }) {
      // Before the cache's own If-None-Match check (its keys are the ETags).
      addPlugin(useStaleETagsDropped(generation));
      addPlugin(cache);
    },
  };
}

/** An If-None-Match naming an older generation's answer is dropped: the request gets today's answer, not a 304. */
function useStaleETagsDropped(generation: () => Promise<string | undefined>): Plugin {
  return {
    async onRequest({ request }) {
      const etag = request.headers.get("if-none-match");
      if (etag === null) return;
      const named = GENERATION_OF_KEY.exec(etag)?.[1];
      if (named === undefined || named !== (await generation())) request.headers.delete("if-none-match");
    },
  };
}

const GENERATION_OF_KEY = /^"?g([0-9a-f]+\.\d+):/;

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
