import type pg from "pg";
import { newFactorySupports, type ListBrand, type ListedDetails, type MatchedFactory, type NewFactory } from "./batch.ts";
import { listingCitation } from "./listing-statement.ts";
import type { FacilityRow } from "./row.ts";

/** The list being imported, as every write of the batch needs it. */
export interface ListContext {
  readonly client: pg.PoolClient;
  readonly source: { readonly id: number; readonly slug: string; readonly url: string | null };
  readonly brand: ListBrand | undefined;
  readonly tokenId: number;
  /** The date the list holds as of (YYYY-MM-DD): a disclosure's date, the year of its worker figures. */
  readonly asOf: string;
  /** True when the list is a brand's dated disclosure (relations get listedFrom/listedUntil). */
  readonly disclosure: boolean;
  /** The brands a row relates its factory to: those its brands column names, else the list's brand. */
  readonly brandsOf: (row: FacilityRow) => readonly ListBrand[];
}

/** What a batch changed, by factory id: its one audit record (batch-audit.ts) lists them. */
export interface BatchWrites {
  readonly citationsAdded: number;
  readonly created: readonly number[];
  /** Matched factories whose missing fields the batch filled in, with what they held before. */
  readonly filledIn: readonly { readonly id: number; readonly before: Record<string, unknown>; readonly version: number }[];
  /** Factories already in the graph that now cite the list. */
  readonly cited: readonly number[];
}

/**
 * Writes one batch's decisions with a handful of set-based statements (unnest of
 * arrays; lists of text travel as JSON): the new factories, the filled-in fields of
 * matched ones and the list's citations, and says which factories changed. Nothing
 * here commits: the batch's transaction does.
 */
export async function writeBatch(context: ListContext, created: readonly NewFactory[], matched: readonly MatchedFactory[]): Promise<BatchWrites> {
  const { client, source, brand } = context;
  const filledIn: { id: number; before: Record<string, unknown>; version: number }[] = [];

  if (created.length > 0) {
    const { rows } = await client.query<{ id: number; slug: string }>(
      `INSERT INTO "Factory" (slug, name, "countryCode", address, latitude, longitude, sectors, status, ownership, "operatorBrandId", "updatedAt",
                              roles, "supplierGroupId", "osId", workforce, "workforceYear", "lineWorkers", "femaleWorkersPercent", "migrantWorkersPercent", "workerFiguresYear",
                              "nameKey", "addressKey")
       SELECT n.slug, n.name, n.country, n.address, n.lat, n.lng, ARRAY(SELECT json_array_elements_text(n.sectors::json)),
              'OPERATING', $8::"Ownership", $9::int, now(),
              ARRAY(SELECT json_array_elements_text(d.roles::json))::"FactoryRole"[], d.group_id, d.os_id, d.workforce, d.workforce_year,
              d.line_workers, d.female, d.migrant, d.figures_year, n.name_key, n.address_key
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $19::text[], $20::text[])
            WITH ORDINALITY AS n(slug, name, country, address, lat, lng, sectors, name_key, address_key, ord)
       JOIN unnest($10::text[], $11::int[], $12::text[], $13::int[], $14::int[], $15::int[], $16::float8[], $17::float8[], $18::int[]) WITH ORDINALITY
            AS d(roles, group_id, os_id, workforce, workforce_year, line_workers, female, migrant, figures_year, ord) ON d.ord = n.ord
       RETURNING id, slug`,
      [
        created.map((f) => f.slug),
        created.map((f) => f.row.name),
        created.map((f) => f.row.countryCode),
        created.map((f) => f.address),
        created.map((f) => f.latitude),
        created.map((f) => f.longitude),
        created.map((f) => JSON.stringify(f.sectors)),
        brand?.relation ?? null,
        brand?.relation === "OWNED" ? brand.id : null,
        ...detailColumns(created),
        // The keys the match statement computed for these rows: the Factory_keys trigger
        // keeps them instead of computing them again (20261210000000_importer_factory_keys).
        created.map((f) => f.nameKey),
        created.map((f) => f.addressKey),
      ],
    );
    const ids = new Map(rows.map((row) => [row.slug, row.id]));
    for (const factory of created) factory.id = ids.get(factory.slug!)!;
  }

  const changed = matched.filter((factory) => factory.changed.size > 0);
  if (changed.length > 0) {
    await client.query(
      `UPDATE "Factory" f SET address = u.address, latitude = u.lat, longitude = u.lng,
              sectors = ARRAY(SELECT json_array_elements_text(u.sectors::json)), ownership = u.ownership::"Ownership",
              "operatorBrandId" = u.operator, version = f.version + 1, "updatedAt" = now(),
              roles = ARRAY(SELECT json_array_elements_text(d.roles::json))::"FactoryRole"[], "supplierGroupId" = d.group_id, "osId" = d.os_id,
              workforce = d.workforce, "workforceYear" = d.workforce_year, "lineWorkers" = d.line_workers,
              "femaleWorkersPercent" = d.female, "migrantWorkersPercent" = d.migrant, "workerFiguresYear" = d.figures_year
       FROM unnest($1::int[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::int[]) WITH ORDINALITY AS u(id, address, lat, lng, sectors, ownership, operator, ord)
       JOIN unnest($8::text[], $9::int[], $10::text[], $11::int[], $12::int[], $13::int[], $14::float8[], $15::float8[], $16::int[]) WITH ORDINALITY
            AS d(roles, group_id, os_id, workforce, workforce_year, line_workers, female, migrant, figures_year, ord) ON d.ord = u.ord
       WHERE f.id = u.id`,
      [
        changed.map((f) => f.before.id),
        changed.map((f) => f.address),
        changed.map((f) => f.latitude),
        changed.map((f) => f.longitude),
        changed.map((f) => JSON.stringify(f.sectors)),
        changed.map((f) => f.ownership),
        changed.map((f) => f.operatorBrandId),
        ...detailColumns(changed),
      ],
    );
    // What was there before (null, or the sectors the row added to): the values after
    // are the factory's own, and other lists may change them later.
    for (const factory of changed) filledIn.push({ id: factory.before.id, before: pick(factory.before, [...factory.changed]), version: factory.before.version + 1 });
  }

  // Citations: each new factory's first row, and the first row of this import that
  // matched each existing factory. A factory that cites the list already keeps its
  // citation (a second import of the same list changes nothing).
  const citing = [
    ...created.map((f) => ({ id: f.id!, row: f.row, supports: newFactorySupports(f, brand), existing: false })),
    ...matched.filter((f) => f.citedBy).map((f) => ({ id: f.before.id, row: f.citedBy!, supports: f.supports!, existing: true })),
  ];
  const passages = citing.map((c) => listingCitation(c.row, source.url, context.brandsOf(c.row), context.asOf));
  const { rows: cited } = await client.query<{ factoryId: number }>(
    `INSERT INTO "FactorySource" ("factoryId", "sourceId", locator, statement, "retrievedOn", supports)
     SELECT c.id, $5::int, c.locator, c.statement, current_date, ARRAY(SELECT json_array_elements_text(c.supports::json))
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS c(id, locator, statement, supports)
     ON CONFLICT DO NOTHING RETURNING "factoryId"`,
    [citing.map((c) => c.id), passages.map((p) => p.locator), passages.map((p) => p.statement), citing.map((c) => JSON.stringify(c.supports)), source.id],
  );
  const newlyCited = new Set(cited.map((row) => row.factoryId));
  return {
    citationsAdded: newlyCited.size,
    created: created.map((f) => f.id!),
    filledIn,
    cited: citing.filter((c) => c.existing && newlyCited.has(c.id)).map((c) => c.id),
  };
}

/** The issue-22 details as the arrays the INSERT and UPDATE unnest, in their parameter order. */
function detailColumns(factories: readonly ListedDetails[]): unknown[] {
  return [
    factories.map((f) => JSON.stringify(f.roles)),
    factories.map((f) => f.supplierGroupId),
    factories.map((f) => f.osId),
    factories.map((f) => f.workforce),
    factories.map((f) => f.workforceYear),
    factories.map((f) => f.lineWorkers),
    factories.map((f) => f.femaleWorkersPercent),
    factories.map((f) => f.migrantWorkersPercent),
    factories.map((f) => f.workerFiguresYear),
  ];
}

function pick(values: object, fields: readonly string[]): Record<string, unknown> {
  const record = values as Record<string, unknown>;
  const column = (field: string) => (field === "operatorBrand" ? "operatorBrandId" : field === "supplierGroup" ? "supplierGroupId" : field);
  return Object.fromEntries(fields.map((field) => [field, record[column(field)]]));
}
