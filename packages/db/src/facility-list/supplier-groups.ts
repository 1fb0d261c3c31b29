import type pg from "pg";
import { slugBase } from "./slugs.ts";

/**
 * The supplier group (parent company) of each name a batch's rows give, created when
 * the graph has none of that name: names are the same group when they are the same
 * case, spaces and punctuation aside ("POU CHEN" = "Pou-Chen"), by the database's
 * supplier_group_key, so every writer and `supplierGroups(search:)` agree. The first
 * spelling seen names the group. Answers name → id.
 */
export async function supplierGroupIds(client: pg.PoolClient, names: readonly string[]): Promise<Map<string, number>> {
  const distinct = [...new Set(names)];
  if (distinct.length === 0) return new Map();
  const { rows: known } = await client.query<{ name: string; key: string; id: number | null }>(
    `SELECT n.name, supplier_group_key(n.name) AS key, g.id
     FROM unnest($1::text[]) AS n(name) LEFT JOIN "SupplierGroup" g ON g."nameKey" = supplier_group_key(n.name)`,
    [distinct],
  );
  const missing = new Map<string, string>();
  for (const row of known) if (row.id === null && row.key !== "" && !missing.has(row.key)) missing.set(row.key, row.name);
  const ids = new Map<string, number>();
  if (missing.size > 0) {
    const wanted = [...missing].map(([key, name]) => ({ key, name, base: slugBase(name) }));
    const { rows: taken } = await client.query<{ slug: string }>(`SELECT slug FROM "SupplierGroup" WHERE slug LIKE ANY($1::text[])`, [wanted.map((w) => `${w.base}%`)]);
    const used = new Set(taken.map((row) => row.slug));
    const slugs = wanted.map(({ base }) => {
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      return slug;
    });
    const { rows: created } = await client.query<{ id: number; nameKey: string }>(
      `INSERT INTO "SupplierGroup" (slug, name, "nameKey")
       SELECT g.slug, g.name, g.key FROM unnest($1::text[], $2::text[], $3::text[]) AS g(slug, name, key)
       RETURNING id, "nameKey"`,
      [slugs, wanted.map((w) => w.name), wanted.map((w) => w.key)],
    );
    for (const row of created) ids.set(row.nameKey, row.id);
  }
  const byName = new Map<string, number>();
  for (const row of known) {
    const id = row.id ?? ids.get(row.key);
    if (id !== undefined) byName.set(row.name, id);
  }
  return byName;
}
