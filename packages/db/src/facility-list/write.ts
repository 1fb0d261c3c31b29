import type pg from "pg";
import { newFactorySupports, type ListBrand, type MatchedFactory, type NewFactory } from "./batch.ts";
import { listingCitation } from "./listing-statement.ts";

/** The list being imported, as every write of the batch needs it. */
export interface ListContext {
  readonly client: pg.PoolClient;
  readonly source: { readonly id: number; readonly slug: string; readonly url: string | null };
  readonly brand: ListBrand | undefined;
  readonly tokenId: number;
}

/** Which batch of which run is written: its one audit record names them. */
export interface BatchPlace {
  readonly runId: number | null;
  readonly batch: number;
  /** Lines of the file the batch spans. */
  readonly lines: readonly [number, number];
}

export interface BatchWrites {
  readonly citationsAdded: number;
  readonly brandRelationsAdded: number;
  /** Audit records written: one when the batch changed anything, else none. */
  readonly changes: number;
}

/**
 * Writes one batch's decisions with a handful of set-based statements (unnest of
 * arrays; lists of text travel as JSON): the new factories, the filled-in fields of
 * matched ones, the list's citations and brand relations, and ONE audit record for the
 * batch that names every factory it changed and how (an import of 100,000 rows writes
 * tens of records, not 100,000 copies of the rows). Nothing here commits: the batch's
 * transaction does.
 */
export async function writeBatch(context: ListContext, place: BatchPlace, created: readonly NewFactory[], matched: readonly MatchedFactory[]): Promise<BatchWrites> {
  const { client, source, brand } = context;
  const filledIn: { id: number; before: Record<string, unknown>; version: number }[] = [];
  const newlyCitedExisting: number[] = [];
  const newlyRelatedExisting: number[] = [];

  if (created.length > 0) {
    const { rows } = await client.query<{ id: number; slug: string }>(
      `INSERT INTO "Factory" (slug, name, "countryCode", address, latitude, longitude, sectors, status, ownership, "operatorBrandId", "updatedAt")
       SELECT n.slug, n.name, n.country, n.address, n.lat, n.lng, ARRAY(SELECT json_array_elements_text(n.sectors::json)),
              'OPERATING', $8::"Ownership", $9::int, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[]) AS n(slug, name, country, address, lat, lng, sectors)
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
              "operatorBrandId" = u.operator, version = f.version + 1, "updatedAt" = now()
       FROM unnest($1::int[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::int[]) AS u(id, address, lat, lng, sectors, ownership, operator)
       WHERE f.id = u.id`,
      [
        changed.map((f) => f.before.id),
        changed.map((f) => f.address),
        changed.map((f) => f.latitude),
        changed.map((f) => f.longitude),
        changed.map((f) => JSON.stringify(f.sectors)),
        changed.map((f) => f.ownership),
        changed.map((f) => f.operatorBrandId),
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
  const passages = citing.map((c) => listingCitation(c.row, source.url, brand));
  const { rows: cited } = await client.query<{ factoryId: number }>(
    `INSERT INTO "FactorySource" ("factoryId", "sourceId", locator, statement, "retrievedOn", supports)
     SELECT c.id, $5::int, c.locator, c.statement, current_date, ARRAY(SELECT json_array_elements_text(c.supports::json))
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS c(id, locator, statement, supports)
     ON CONFLICT DO NOTHING RETURNING "factoryId"`,
    [citing.map((c) => c.id), passages.map((p) => p.locator), passages.map((p) => p.statement), citing.map((c) => JSON.stringify(c.supports)), source.id],
  );
  const newlyCited = new Set(cited.map((row) => row.factoryId));
  for (const c of citing) if (c.existing && newlyCited.has(c.id)) newlyCitedExisting.push(c.id);

  let brandRelationsAdded = 0;
  if (brand) {
    const ids = [...new Set([...created.map((f) => f.id!), ...matched.map((f) => f.before.id)])];
    const { rows: related } = await client.query<{ factoryId: number }>(
      `INSERT INTO "BrandFactory" ("brandId", "factoryId", "sourceId", relation)
       SELECT $1::int, id, $3::int, $4::"Ownership" FROM unnest($2::int[]) AS id
       ON CONFLICT DO NOTHING RETURNING "factoryId"`,
      [brand.id, ids, source.id, brand.relation],
    );
    brandRelationsAdded = related.length;
    const createdIds = new Set(created.map((f) => f.id));
    for (const { factoryId } of related) if (!createdIds.has(factoryId)) newlyRelatedExisting.push(factoryId);
  }

  const changedAnything = created.length + filledIn.length + newlyCitedExisting.length + newlyRelatedExisting.length > 0;
  if (changedAnything) {
    // The list's Source is the record's entity: `changes(entity: <the list>)` shows every
    // batch of every import of it. The rows themselves are in the graph and in the file.
    await client.query(
      `INSERT INTO "Change" ("tokenId", "entityType", "entityId", action, after) VALUES ($1, 'SOURCE', $2, 'IMPORT', $3::jsonb)`,
      [
        context.tokenId,
        source.id,
        JSON.stringify({
          list: source.slug,
          run: place.runId,
          batch: place.batch,
          lines: place.lines,
          ...(brand && { brand: brand.slug, relation: brand.relation }),
          created: created.map((f) => f.id!),
          filledIn,
          cited: newlyCitedExisting,
          related: newlyRelatedExisting,
        }),
      ],
    );
  }
  return { citationsAdded: newlyCited.size, brandRelationsAdded, changes: changedAnything ? 1 : 0 };
}

function pick(values: object, fields: readonly string[]): Record<string, unknown> {
  const record = values as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, record[field === "operatorBrand" ? "operatorBrandId" : field]]));
}
