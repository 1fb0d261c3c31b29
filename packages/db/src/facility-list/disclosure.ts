import type pg from "pg";
import type { BatchChanges } from "./batch-audit.ts";
import { FacilityListError } from "./outcome.ts";
import type { ListContext } from "./write.ts";

/** A brand's relation to a factory a row of the list states. */
export interface ListedRelation {
  readonly brandId: number;
  readonly brandSlug: string;
  readonly relation: string;
  readonly factoryId: number;
  /** Created by this import: its CREATE audit record already names the relation. */
  readonly created: boolean;
}

/** What a disclosure changed, as `Brand.disclosures` reports it. */
export interface DisclosureSummary {
  readonly asOf: string;
  readonly factoryCount: number;
  readonly added: number;
  readonly dropped: number;
}

/**
 * Opens a brand's disclosure (a list as of a date): refuses a list older than the
 * brand's latest disclosure (snapshots go in date order, else "dropped" would be
 * wrong) and a source that is already another brand's disclosure. The factories the
 * list names are kept per import run (ImportRunListed), committed with each batch, so
 * a run that stops and continues still knows, at its close, every factory it listed.
 */
export async function openDisclosure(client: pg.PoolClient, brand: { id: number; slug: string }, source: { id: number; slug: string }, asOf: string): Promise<void> {
  const { rows } = await client.query<{ sourceId: number; brandId: number; slug: string; asOf: string }>(
    `SELECT d."sourceId", d."brandId", s.slug, d."asOf"::text AS "asOf" FROM "Disclosure" d JOIN "Source" s ON s.id = d."sourceId"
     WHERE d."sourceId" = $1 OR (d."brandId" = $2 AND d."asOf" > $3::date) ORDER BY d."asOf" DESC`,
    [source.id, brand.id, asOf],
  );
  const other = rows.find((row) => row.sourceId === source.id && row.brandId !== brand.id);
  if (other) throw new FacilityListError(`The source "${source.slug}" is already another brand's disclosure: give each list its own source.`, "INVALID_OPTIONS", "source");
  const later = rows.find((row) => row.sourceId !== source.id);
  if (later) {
    throw new FacilityListError(
      `${brand.slug}'s list "${later.slug}" holds as of ${later.asOf}, after ${asOf}: import a brand's lists in date order (or give --as-of).`,
      "INVALID_OPTIONS",
      "asOf",
    );
  }
}

/**
 * Records a batch's relations. For a disclosure, a factory the brand already lists
 * (an open relation from an earlier disclosure) keeps that relation, so one relation
 * spans every snapshot that names it; a factory it does not list starts a relation
 * listed from this list's date. Without a disclosure each list states its own relation.
 */
export async function relateListed(context: ListContext, runId: number, relations: readonly ListedRelation[]): Promise<{ added: number; related: NonNullable<BatchChanges["related"]> }> {
  if (relations.length === 0) return { added: 0, related: [] };
  const { client, source } = context;
  const arrays = [relations.map((r) => r.brandId), relations.map((r) => r.factoryId), relations.map((r) => r.relation)];
  if (context.disclosure) {
    await client.query(
      `INSERT INTO "ImportRunListed" ("runId", "brandId", "factoryId") SELECT DISTINCT $3::int, b, f FROM unnest($1::int[], $2::int[]) AS l(b, f) ON CONFLICT DO NOTHING`,
      [...arrays.slice(0, 2), runId],
    );
  }
  const { rows } = await client.query<{ brandId: number; factoryId: number }>(
    `INSERT INTO "BrandFactory" ("brandId", "factoryId", "sourceId", relation, "listedFrom")
     SELECT DISTINCT ON (l.b, l.f) l.b, l.f, $4::int, l.relation::"Ownership", $5::date FROM unnest($1::int[], $2::int[], $3::text[]) AS l(b, f, relation)
     WHERE $5::date IS NULL OR NOT EXISTS (SELECT 1 FROM "BrandFactory" r WHERE r."brandId" = l.b AND r."factoryId" = l.f AND r."listedFrom" IS NOT NULL AND r."listedUntil" IS NULL)
     ON CONFLICT DO NOTHING RETURNING "brandId", "factoryId"`,
    [...arrays, source.id, context.disclosure ? context.asOf : null],
  );
  const started = new Set(rows.map((row) => `${row.brandId}|${row.factoryId}`));
  // Once per pair (several rows may name one factory), in linear time: batches hold thousands.
  const seen = new Set<string>();
  const audited = relations.filter((r) => {
    const pair = `${r.brandId}|${r.factoryId}`;
    if (r.created || !started.has(pair) || seen.has(pair)) return false;
    seen.add(pair);
    return true;
  });
  return { added: rows.length, related: audited.map((r) => ({ brand: r.brandSlug, relation: r.relation, factory: r.factoryId })) };
}

/**
 * Closes a disclosure after its last row: the brand's relations from its earlier
 * disclosures whose factory this list no longer names end (listedUntil = this list's
 * date; nothing is deleted), the source takes the list's date when it has none, and the
 * Disclosure row records the counts. Every count is read back from the relations, so
 * importing the same list again writes the same row.
 */
export async function closeDisclosure(context: ListContext, runId: number, brand: { id: number; slug: string }): Promise<DisclosureSummary & { ended: NonNullable<BatchChanges["ended"]> }> {
  const { client, source, asOf } = context;
  const { rows: ended } = await client.query<{ brandSlug: string; factoryId: number; sourceSlug: string }>(
    `UPDATE "BrandFactory" r SET "listedUntil" = $2::date
     FROM "Disclosure" d, "Brand" b, "Source" s
     WHERE d."brandId" = $1 AND r."sourceId" = d."sourceId" AND b.id = r."brandId" AND s.id = r."sourceId"
       AND r."listedUntil" IS NULL AND r."listedFrom" < $2::date
       AND NOT EXISTS (SELECT 1 FROM "ImportRunListed" l WHERE l."runId" = $3 AND l."brandId" = r."brandId" AND l."factoryId" = r."factoryId")
     RETURNING b.slug AS "brandSlug", r."factoryId", s.slug AS "sourceSlug"`,
    [brand.id, asOf, runId],
  );
  await client.query(`UPDATE "Source" SET "asOf" = $2::date WHERE id = $1 AND "asOf" IS NULL`, [source.id, asOf]);
  const { rows } = await client.query<{ factoryCount: number; added: number; dropped: number }>(
    `INSERT INTO "Disclosure" ("brandId", "sourceId", "asOf", "factoryCount", added, dropped)
     SELECT $1, $2, $3::date,
       (SELECT count(DISTINCT "factoryId") FROM "ImportRunListed" WHERE "runId" = $4),
       (SELECT count(DISTINCT "factoryId") FROM "BrandFactory" WHERE "sourceId" = $2 AND "listedFrom" = $3::date),
       (SELECT count(DISTINCT r."factoryId") FROM "BrandFactory" r JOIN "Disclosure" d ON d."sourceId" = r."sourceId"
         WHERE d."brandId" = $1 AND r."listedUntil" = $3::date)
     ON CONFLICT ("sourceId") DO UPDATE SET "asOf" = excluded."asOf", "factoryCount" = excluded."factoryCount", added = excluded.added, dropped = excluded.dropped
     RETURNING "factoryCount", added, dropped`,
    [brand.id, source.id, asOf, runId],
  );
  // Counted: the run's list of factories has served its purpose.
  await client.query(`DELETE FROM "ImportRunListed" WHERE "runId" = $1`, [runId]);
  return { asOf, ...rows[0]!, ended: ended.map((r) => ({ brand: r.brandSlug, source: r.sourceSlug, factory: r.factoryId })) };
}
