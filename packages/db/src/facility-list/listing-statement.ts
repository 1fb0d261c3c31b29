import { rowLocator } from "../rules/passages.ts";
import type { ListBrand } from "./batch.ts";
import type { FacilityRow } from "./row.ts";

/**
 * What a list's row states about the factory it names, as a citation says it: where
 * the row is (`#row=N`, RFC 7111's fragment for CSV: the record that begins on line N)
 * and our statement of its cells. The row itself is not copied in: a list is a source
 * like any other, pointed at, not quoted.
 */
export function listingCitation(row: FacilityRow, sourceUrl: string | null, brand: ListBrand | undefined): { locator: string; statement: string } {
  const parts = [`Lists ${row.name} in ${row.countryCode}`];
  if (row.address) parts.push(`at ${row.address}`);
  if (row.latitude !== null && row.longitude !== null) parts.push(`coordinates ${row.latitude}, ${row.longitude}`);
  if (row.sectors.length > 0) parts.push(`sectors ${row.sectors.join(", ")}`);
  if (brand) parts.push(`as ${brand.relation === "OWNED" ? "a site the brand owns" : "a contract supplier"} of ${brand.slug}`);
  return { locator: rowLocator(sourceUrl, row.line), statement: `${parts.join("; ")}.` };
}
