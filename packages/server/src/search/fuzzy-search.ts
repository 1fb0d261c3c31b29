import { ident, join, key, sql, type Sql } from "../read/sql.ts";
import { intValue, textValue } from "../read/values.ts";

export const SEARCH_MAX_RESULTS = 50;
export const SEARCH_QUERY_MAX_LENGTH = 100;
/** word_similarity below this is noise; "hiero" vs "Fresh Foam Hierro v5" scores 0.67. */
export const SEARCH_THRESHOLD = 0.3;

/**
 * How a hit matches the query, best first: EXACT (a whole name, slug, series or town),
 * PARTIAL (the query begins a word of one: "hierro", "fresh foam", "99"), or only a
 * SUGGESTION (spelled alike: "574" → 576, "hiero" → Hierro): a neighbour, not an answer.
 */
export type SearchMatch = "EXACT" | "PARTIAL" | "SUGGESTION";

/** Escapes LIKE's wildcards, so the query is matched as written. */
function likeLiteral(query: string): string {
  return query.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Brands, models and factories ranked by how they match: exact names first, then words
 * the query begins, then neighbours by pg_trgm's word_similarity (typos, near numbers);
 * ties break by similarity, kind and name for a stable order. A subquery with the columns
 * the read plan's lists take: (typename, id, match, ord).
 */
export function searchHits(query: string, limit: number): Sql {
  const q = textValue(query);
  const lower = textValue(query.toLowerCase());
  // The query at the start of a word: ' ' || name makes the first word one too.
  const wordStart = textValue(`% ${likeLiteral(query)}%`);
  // Each row with the names it answers to (NULLs, e.g. a model without a series, match nothing).
  const candidates = (typename: string, kind: string, columns: readonly string[]) => sql`
      SELECT ${key(typename)} AS typename, ${key(kind)} AS kind, t.id, t.name, ARRAY[${join(columns.map((name) => sql`t.${ident(name)}`), ", ")}] AS names
        FROM ${ident(typename)} t`;
  return sql`(
    SELECT typename, id, match, row_number() OVER (ORDER BY rank, score DESC, kind, name, id) AS ord FROM (
      SELECT typename, kind, id, name, score,
             CASE WHEN exact THEN 'EXACT' WHEN partial THEN 'PARTIAL' ELSE 'SUGGESTION' END AS match,
             CASE WHEN exact THEN 0 WHEN partial THEN 1 ELSE 2 END AS rank
        FROM (
          SELECT c.typename, c.kind, c.id, c.name,
                 (SELECT max(word_similarity(${q}, n)) FROM unnest(c.names) AS n)::float8 AS score,
                 EXISTS (SELECT 1 FROM unnest(c.names) AS n WHERE lower(n) = ${lower}) AS exact,
                 EXISTS (SELECT 1 FROM unnest(c.names) AS n WHERE ' ' || lower(n) LIKE ${wordStart}) AS partial
            FROM (${candidates("Brand", "brand", ["name", "slug"])}
                  UNION ALL ${candidates("SneakerModel", "model", ["name", "slug", "series"])}
                  UNION ALL ${candidates("Factory", "factory", ["name", "city"])}) AS c
        ) AS scored
       WHERE exact OR partial OR score >= ${SEARCH_THRESHOLD}::float8
    ) AS ranked
    ORDER BY rank, score DESC, kind, name, id
    LIMIT ${intValue(limit)})`;
}
