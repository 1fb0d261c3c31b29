import { empty, sql, type Sql } from "../../read/sql.ts";
import { textValue } from "../../read/values.ts";

/** The filter fields a maintained count answers; any other one set needs the rows counted. */
interface CountableFilter {
  readonly country?: string | null | undefined;
  readonly status?: string | null | undefined;
  readonly [field: string]: unknown;
}

/**
 * `factories(filter: { country [, status] })`'s `totalCount` from "FactoryCount" (factories
 * per country and status, kept exact by statement-level triggers on Factory, migration
 * 20261208000000): at most three rows read, however many factories the country has
 * (CN at 1M: 330,000 index entries counted before). Undefined for any other filter —
 * those are counted from their rows (an index where one serves). A country needs to be
 * given: an unfiltered count stays a count (refused at a registry's size by the read
 * limit), so the maintained table answers what was slow, not new questions.
 */
export function countryCount(filter: CountableFilter | null | undefined): Sql | undefined {
  if (filter?.country == null) return undefined;
  const others = Object.entries(filter).filter(([field, value]) => field !== "country" && field !== "status" && value != null);
  if (others.length > 0) return undefined;
  // bpchar like the column (see factoryWhere); an unknown country has no rows: 0.
  return sql`(SELECT coalesce(sum(c.factories), 0)::int FROM "FactoryCount" AS c
               WHERE c."countryCode" = upper(${textValue(filter.country)})::bpchar
                 ${filter.status != null ? sql`AND c.status = ${textValue(filter.status)}::"FactoryStatus"` : empty})`;
}
