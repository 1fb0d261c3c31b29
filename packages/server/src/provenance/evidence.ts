import { rules } from "@solegraph/db";
import { raw, sql, type Sql } from "../read/sql.ts";

/**
 * What a recorded production rests on, in SQL: REPORTED when an independent source
 * (rules.INDEPENDENT_SOURCE_KINDS) cites it, CLAIMED_ONLY when only the brand's own
 * voice or marketing copy does.
 */

/** The independent kinds as a constant array (code constants, not client values). */
const INDEPENDENT = raw(`ARRAY[${rules.INDEPENDENT_SOURCE_KINDS.map((kind) => `'${kind}'`).join(", ")}]::"SourceKind"[]`);

/** Whether the source row is independent of the brand. */
export function isIndependentSource(source: Sql): Sql {
  return sql`${source}.kind = ANY(${INDEPENDENT})`;
}

/** Whether an independent source cites the production row. */
export function isReported(production: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM "ProductionSource" ps JOIN "Source" s ON s.id = ps."sourceId"
                      WHERE ps."productionId" = ${production}.id AND ${isIndependentSource(sql`s`)})`;
}

export function evidenceOf(production: Sql): Sql {
  return sql`(CASE WHEN ${isReported(production)} THEN 'REPORTED' ELSE 'CLAIMED_ONLY' END)`;
}
