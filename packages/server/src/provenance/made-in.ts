import { raw, sql, type Sql } from "../read/sql.ts";
import { isIndependentSource, isReported } from "./evidence.ts";

/**
 * Made-in verdicts, computed in SQL from what the graph records (never stored): for a
 * set of models (one model, or a series' versions) and a country, one row with
 *   "modelIds", "countryCode", status, basis
 * and the counts they come from. The verdict's lists (factories, sources, claims) are
 * read from that row.
 *
 * A verdict says only what is shown:
 * - YES / PARTLY: an independent source reports a production there (it names the model
 *   or line and the factory or town: a production is never recorded on less); PARTLY
 *   when reported productions are elsewhere too. Basis REPORTED, or CONFLICTING when a
 *   claim denies it.
 * - CLAIMED: something says it is made there (a MADE_IN claim, or a production only
 *   the brand or marketing copy cites), but no independent report of a production
 *   there: basis CLAIMED_ONLY. Never shown as YES.
 * - NO: a source says it is not made there (a DENIES claim), and nothing reports it
 *   there; basis REPORTED when an independent source says so, else CLAIMED_ONLY.
 *   Productions recorded elsewhere are not a NO: a model can be made in two countries.
 * - UNKNOWN: nothing recorded says either way (basis NONE), or claims assert and deny
 *   it with no report to decide (CONFLICTING).
 */
export type MadeInStatus = "YES" | "PARTLY" | "CLAIMED" | "NO" | "UNKNOWN";
export type VerdictBasis = "REPORTED" | "CLAIMED_ONLY" | "CONFLICTING" | "NONE";

/** Countries a verdict can be asked about for these models: of their productions and MADE_IN claims. */
export function countriesOfModels(modelIds: Sql): Sql {
  return sql`(SELECT p."countryCode" AS code FROM "Production" p WHERE p."modelId" = ANY(${modelIds})
              UNION
              SELECT cl."countryCode" FROM "Claim" cl WHERE cl.topic = 'MADE_IN' AND cl."modelId" = ANY(${modelIds}))`;
}

/** One country, as `countries` for verdicts(). */
export function oneCountry(code: string): () => Sql {
  if (!/^[A-Z]{2}$/.test(code)) throw new Error(`Not a country code: ${code}`);
  return () => raw(`(SELECT '${code}'::text AS code)`);
}

/**
 * Verdict rows for the models whose ids `modelIds` (an int[] expression) gives, one per
 * country of `countries(ids)` (a subquery with a `code` column; `ids` names the array).
 */
export function verdicts(modelIds: Sql, countries: (ids: Sql) => Sql): Sql {
  const ids = sql`ids."modelIds"`;
  const counts = sql`
    SELECT ids."modelIds", c.code AS "countryCode",
           pc."reportedTotal", pc."reportedHere",
           pc."claimedHere" + cc."assertsHere" AS "claimedHere",
           cc."deniesHere", cc."deniesHereIndependently"
      FROM (SELECT ${modelIds} AS "modelIds") AS ids
      CROSS JOIN LATERAL ${countries(ids)} AS c
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE r.reported) AS "reportedTotal",
               count(*) FILTER (WHERE r.reported AND r.code = c.code) AS "reportedHere",
               count(*) FILTER (WHERE NOT r.reported AND r.code = c.code) AS "claimedHere"
          FROM (SELECT p."countryCode" AS code, ${isReported(sql`p`)} AS reported
                  FROM "Production" p WHERE p."modelId" = ANY(${ids})) AS r) AS pc
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE cl.stance = 'ASSERTS' AND cl."countryCode" = c.code) AS "assertsHere",
               count(*) FILTER (WHERE cl.stance = 'DENIES' AND cl."countryCode" = c.code) AS "deniesHere",
               count(*) FILTER (WHERE cl.stance = 'DENIES' AND cl."countryCode" = c.code AND ${isIndependentSource(sql`s`)}) AS "deniesHereIndependently"
          FROM "Claim" cl JOIN "Source" s ON s.id = cl."sourceId"
         WHERE cl.topic = 'MADE_IN' AND cl."modelId" = ANY(${ids})) AS cc`;
  return sql`(SELECT v.*,
      CASE WHEN v."reportedHere" > 0 THEN CASE WHEN v."reportedHere" = v."reportedTotal" THEN 'YES' ELSE 'PARTLY' END
           WHEN v."claimedHere" > 0 AND v."deniesHere" > 0 THEN 'UNKNOWN'
           WHEN v."deniesHere" > 0 THEN 'NO'
           WHEN v."claimedHere" > 0 THEN 'CLAIMED'
           ELSE 'UNKNOWN' END AS status,
      CASE WHEN v."reportedHere" > 0 THEN CASE WHEN v."deniesHere" > 0 THEN 'CONFLICTING' ELSE 'REPORTED' END
           WHEN v."claimedHere" > 0 AND v."deniesHere" > 0 THEN 'CONFLICTING'
           WHEN v."deniesHere" > 0 THEN CASE WHEN v."deniesHereIndependently" > 0 THEN 'REPORTED' ELSE 'CLAIMED_ONLY' END
           WHEN v."claimedHere" > 0 THEN 'CLAIMED_ONLY'
           ELSE 'NONE' END AS basis
    FROM (${counts}) AS v)`;
}

// The lists of a verdict, read from its row (`verdict`).

const productionsIn = (verdict: Sql) =>
  sql`"Production" p WHERE p."modelId" = ANY(${verdict}."modelIds") AND p."countryCode" = ${verdict}."countryCode"`;

/** Productions of the models in the country. */
export function productionsOfVerdict(verdict: Sql): Sql {
  return sql`(SELECT p.* FROM ${productionsIn(verdict)})`;
}

/** Named factories in the country that make the models (with the first recording production's id as "productionId"). */
export function factoriesOfVerdict(verdict: Sql): Sql {
  return sql`(SELECT DISTINCT ON (f.id) f.*, p.id AS "productionId"
                FROM "Factory" f JOIN "Production" p ON p."factoryId" = f.id
               WHERE p."modelId" = ANY(${verdict}."modelIds") AND p."countryCode" = ${verdict}."countryCode"
               ORDER BY f.id, p.id)`;
}

/** Distinct label claims of the productions there, first recorded first. */
export function labelClaimsOfVerdict(verdict: Sql): Sql {
  return sql`(SELECT coalesce(json_agg(labels.label ORDER BY labels.first), '[]'::json) FROM (
                SELECT p."labelClaim" AS label, min(p.id) AS first FROM ${productionsIn(verdict)}
                   AND p."labelClaim" <> '' GROUP BY p."labelClaim") AS labels)`;
}

/** The country's share of the models' known annual volume; NULL when none is known. */
export function volumeShareOfVerdict(verdict: Sql): Sql {
  return sql`(SELECT CASE WHEN coalesce(sum(p."annualVolume"), 0) = 0 THEN NULL
                          ELSE coalesce(sum(p."annualVolume") FILTER (WHERE p."countryCode" = ${verdict}."countryCode"), 0)::float8
                               / sum(p."annualVolume") END
                FROM "Production" p WHERE p."modelId" = ANY(${verdict}."modelIds"))`;
}

/** Citations (ProductionSource rows, with "productionId") of the productions there, one per source. */
export function citationsOfVerdict(verdict: Sql): Sql {
  return sql`(SELECT DISTINCT ON (ps."sourceId") ps.*
                FROM "ProductionSource" ps JOIN "Production" p ON p.id = ps."productionId"
               WHERE p."modelId" = ANY(${verdict}."modelIds") AND p."countryCode" = ${verdict}."countryCode"
               ORDER BY ps."sourceId", p.id)`;
}

const madeInClaims = (verdict: Sql) => sql`cl.topic = 'MADE_IN' AND cl."modelId" = ANY(${verdict}."modelIds")`;

/** MADE_IN claims that agree with the verdict's status. */
export function supportingClaims(verdict: Sql): Sql {
  return sql`(SELECT cl.* FROM "Claim" cl WHERE ${madeInClaims(verdict)} AND cl."countryCode" = ${verdict}."countryCode"
                AND cl.stance = (CASE WHEN ${verdict}.status = 'NO' THEN 'DENIES' ELSE 'ASSERTS' END)::"ClaimStance")`;
}

/**
 * MADE_IN claims that say otherwise: the opposite stance for the country. (A claim that
 * it is made elsewhere does not say it is not made here: a model can be made in two.)
 */
export function conflictingClaims(verdict: Sql): Sql {
  return sql`(SELECT cl.* FROM "Claim" cl WHERE ${madeInClaims(verdict)} AND cl."countryCode" = ${verdict}."countryCode"
                AND cl.stance = (CASE WHEN ${verdict}.status = 'NO' THEN 'ASSERTS' ELSE 'DENIES' END)::"ClaimStance")`;
}
