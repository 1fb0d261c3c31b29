import type { PrismaClient } from "@solegraph/db";

export const SEARCH_MAX_RESULTS = 50;
export const SEARCH_QUERY_MAX_LENGTH = 100;
/** word_similarity below this is noise; "hiero" vs "Fresh Foam Hierro v5" scores 0.67. */
export const SEARCH_THRESHOLD = 0.3;

export interface SearchHit {
  readonly kind: "brand" | "model" | "factory";
  readonly id: number;
  readonly score: number;
}

/**
 * Ranks brands, models and factories by pg_trgm's word_similarity between the query
 * and their name (or slug), so typos and partial words still match. Runs as one SQL
 * statement; ties break by kind and name for a stable order.
 */
export async function searchIds(prisma: PrismaClient, query: string, limit: number): Promise<SearchHit[]> {
  if (limit === 0) return [];
  return prisma.$queryRaw<SearchHit[]>`
    SELECT kind, id, score FROM (
      SELECT 'brand' AS kind, id, name,
             greatest(word_similarity(${query}, name), word_similarity(${query}, slug))::float8 AS score
        FROM "Brand"
      UNION ALL
      SELECT 'model', id, name,
             greatest(word_similarity(${query}, name), word_similarity(${query}, slug))::float8
        FROM "SneakerModel"
      UNION ALL
      SELECT 'factory', id, name,
             greatest(word_similarity(${query}, name), word_similarity(${query}, city))::float8
        FROM "Factory"
    ) AS candidates
    WHERE score >= ${SEARCH_THRESHOLD}
    ORDER BY score DESC, kind, name, id
    LIMIT ${limit}`;
}
