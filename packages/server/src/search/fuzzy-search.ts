import { ident, join, key, sql, type Sql } from "../read/sql.ts";
import { intValue, textLiteral } from "../read/values.ts";

export const SEARCH_MAX_RESULTS = 50;
export const SEARCH_QUERY_MAX_LENGTH = 100;
/**
 * word_similarity below this is noise; "hiero" vs "Fresh Foam Hierro v5" scores 0.67.
 * The trigram operator `%>` compares with pg_trgm.word_similarity_threshold, which every
 * connection sets to the same value (db/src/sql-connection.ts).
 */
export const SEARCH_THRESHOLD = 0.3;
/**
 * Neighbours (rows whose name is spelled like the query) taken per table, per result
 * asked for: the candidates among which hits are ranked. A search reads about
 * `first × this` rows per table once its index has found them, however large the registry.
 */
export const SEARCH_CANDIDATES_PER_RESULT = 2;
/** ... and at least this many: small tables (a brand's few factories) are then ranked whole. */
export const SEARCH_MIN_CANDIDATES = 50;


/**
 * How a hit matches the query, best first: EXACT (a whole name, slug, series or town),
 * PARTIAL (the query begins a word of one: "hierro", "fresh foam", "99"), or only a
 * SUGGESTION (spelled alike: "574" → 576, "hiero" → Hierro): a neighbour, not an answer.
 */
export type SearchMatch = "EXACT" | "PARTIAL" | "SUGGESTION";

/** A searched table: the names a row answers to and how its candidates are found. */
interface Searched {
  readonly typename: string;
  readonly kind: string;
  /** The columns whose values are a row's names (NULLs match nothing). */
  readonly names: readonly string[];
  /** Conditions for a whole name, each served by a B-tree (`lower` is the lowercased query). */
  readonly exact: readonly ((alias: Sql, lower: Sql) => Sql)[];
}

const lowerIs = (column: string) => (alias: Sql, lower: Sql) => sql`lower(${alias}.${ident(column)}) = ${lower}`;
// Slugs are lowercase (a CHECK): their unique index answers directly.
const slugIs = (alias: Sql, lower: Sql) => sql`${alias}.slug = ${lower}`;

const SEARCHED: readonly Searched[] = [
  {
    typename: "Brand",
    kind: "brand",
    names: ["name", "slug"],
    exact: [lowerIs("name"), slugIs],
  },
  {
    typename: "SneakerModel",
    kind: "model",
    names: ["name", "slug", "series"],
    exact: [lowerIs("name"), slugIs, lowerIs("series")],
  },
  {
    typename: "Factory",
    kind: "factory",
    names: ["name", "city"],
    exact: [lowerIs("name"), lowerIs("city")],
  },
];

/** Escapes LIKE's wildcards, so the query is matched as written. */
function likeLiteral(query: string): string {
  return query.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The ids of a table's candidates: up to `k` rows whose name is spelled like the query
 * (`name %> query`: word similarity at least SEARCH_THRESHOLD, answered by the
 * table's GIN trigram index on name), and up to `limit` rows per exact name (B-tree
 * lookups), which are hits whatever their neighbours. The neighbours are the first k
 * the index yields, not the k most similar: ordering every row above the threshold by
 * similarity is what made a common word cost 600 ms at a million factories. The limit
 * is a subquery so the planner, not knowing it, does not bet on finding k matches early
 * in a sequential scan (it still does when its statistics say the query is common, and
 * is right: they come early).
 */
function candidateIds(table: Searched, query: Sql, lower: Sql, limit: number): Sql {
  const t = sql`t`;
  const k = Math.max(limit * SEARCH_CANDIDATES_PER_RESULT, SEARCH_MIN_CANDIDATES);
  const spelledLike = sql`(SELECT t.id FROM ${ident(table.typename)} t WHERE t.name %> ${query} LIMIT (SELECT ${intValue(k)}))`;
  const exact = table.exact.map(
    (condition) => sql`(SELECT t.id FROM ${ident(table.typename)} t WHERE ${condition(t, lower)} ORDER BY t.name, t.id LIMIT ${intValue(limit)})`,
  );
  return join([spelledLike, ...exact], " UNION ");
}

/**
 * Brands, models and factories ranked by how they match: exact names first, then words
 * the query begins, then neighbours by pg_trgm's word_similarity (typos, near numbers);
 * ties break by similarity, kind and name for a stable order. Only candidates are scored
 * (see candidateIds), never the whole registry: names, slugs, series and towns are
 * compared for exact and partial matches, names alone are searched for neighbours. A subquery with the columns the read
 * plan's lists take: (typename, id, match, ord).
 */
export function searchHits(query: string, limit: number): Sql {
  // Literals, not parameters: the planner then sees the words, and its trigram statistics
  // choose between the index and an early-stopping scan for each search. A generic plan
  // of a prepared statement, blind to them, could scan a million names for a rare word.
  const q = textLiteral(query);
  const lower = textLiteral(query.toLowerCase());
  // The query at the start of a word: ' ' || name makes the first word one too.
  const wordStart = textLiteral(`% ${likeLiteral(query)}%`);
  // Each candidate with the names it answers to, looked up by key (an array, so the
  // planner does not join the candidates to a scan of the table).
  const candidates = (table: Searched) => sql`
      SELECT ${key(table.typename)} AS typename, ${key(table.kind)} AS kind, t.id, t.name,
             ARRAY[${join(table.names.map((name) => sql`t.${ident(name)}`), ", ")}] AS names
        FROM ${ident(table.typename)} t WHERE t.id = ANY(ARRAY(${candidateIds(table, q, lower, limit)}))`;
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
            FROM (${join(SEARCHED.map(candidates), " UNION ALL ")}) AS c
        ) AS scored
       WHERE exact OR partial OR score >= ${SEARCH_THRESHOLD}::float8
    ) AS ranked
    ORDER BY rank, score DESC, kind, name, id
    LIMIT ${intValue(limit)})`;
}
