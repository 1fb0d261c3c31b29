import { sql, type Sql } from "../read/sql.ts";
import { intValue, textValue } from "../read/values.ts";

export const SEARCH_MAX_RESULTS = 50;
export const SEARCH_QUERY_MAX_LENGTH = 100;
/** word_similarity below this is noise; "hiero" vs "Fresh Foam Hierro v5" scores 0.67. */
export const SEARCH_THRESHOLD = 0.3;

/**
 * Brands, models and factories ranked by pg_trgm's word_similarity between the query
 * and their name (or slug, or a factory's city), so typos and partial words still
 * match; ties break by kind and name for a stable order. A subquery with the columns
 * the read plan's mixed lists take: (typename, id, ord).
 */
export function searchHits(query: string, limit: number): Sql {
  const q = textValue(query);
  return sql`(
    SELECT typename, id, row_number() OVER (ORDER BY score DESC, kind, name, id) AS ord FROM (
      SELECT 'Brand' AS typename, 'brand' AS kind, id, name,
             greatest(word_similarity(${q}, name), word_similarity(${q}, slug))::float8 AS score
        FROM "Brand"
      UNION ALL
      SELECT 'SneakerModel', 'model', id, name,
             greatest(word_similarity(${q}, name), word_similarity(${q}, slug))::float8
        FROM "SneakerModel"
      UNION ALL
      SELECT 'Factory', 'factory', id, name,
             greatest(word_similarity(${q}, name), word_similarity(${q}, city))::float8
        FROM "Factory"
    ) AS candidates
    WHERE score >= ${SEARCH_THRESHOLD}::float8
    ORDER BY score DESC, kind, name, id
    LIMIT ${intValue(limit)})`;
}
