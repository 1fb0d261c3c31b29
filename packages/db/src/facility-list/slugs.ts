import type pg from "pg";
import { randomBytes } from "node:crypto";

const BASE_MAX = 60;

/** A slug from a facility's name: ASCII letters and digits in hyphenated words. */
export function slugBase(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, BASE_MAX)
    .replace(/-+$/, "");
  return base || "facility";
}

/**
 * Free slugs for new factories, in the order asked: the name's slug, then with the
 * country, then numbered; one query for the whole batch. `taken` holds slugs already
 * given out in this import and grows with the answer.
 */
export async function freeSlugs(client: pg.PoolClient, wanted: readonly { name: string; countryCode: string; line: number }[], taken: Set<string>): Promise<string[]> {
  const options = wanted.map(({ name, countryCode, line }) => {
    const base = slugBase(name);
    const withCountry = `${base}-${countryCode.toLowerCase()}`;
    return [base, withCountry, ...[2, 3, 4, 5].map((n) => `${withCountry}-${n}`), `${withCountry}-line-${line}`];
  });
  const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM "Factory" WHERE slug = ANY($1::text[])`, [options.flat()]);
  const existing = new Set(rows.map((row) => row.slug));
  return options.map((candidates) => {
    const slug = candidates.find((candidate) => !existing.has(candidate) && !taken.has(candidate)) ?? `${candidates[1]}-${randomBytes(3).toString("hex")}`;
    taken.add(slug);
    return slug;
  });
}
