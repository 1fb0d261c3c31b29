import { rowLocator } from "../rules/passages.ts";
import type { ListBrand } from "./batch.ts";
import type { FacilityRow } from "./row.ts";

const ROLE_WORDS = { FINISHED_GOODS: "finished-goods assembly", COMPONENTS: "components", MATERIALS: "materials" } as const;

/**
 * What a list's row states about the factory it names, as a citation says it: where
 * the row is (`#row=N`, RFC 7111's fragment for CSV: the record that begins on line N;
 * a workbook's row number for spreadsheets) and our statement of its cells. The row
 * itself is not copied in: a list is a source like any other, pointed at, not quoted.
 */
export function listingCitation(row: FacilityRow, sourceUrl: string | null, brands: readonly ListBrand[], asOf: string): { locator: string; statement: string } {
  const parts = [`Lists ${row.name} in ${row.countryCode}`];
  if (row.address) parts.push(`at ${row.address}`);
  if (row.latitude !== null && row.longitude !== null) parts.push(`coordinates ${row.latitude}, ${row.longitude}`);
  if (row.sectors.length > 0) parts.push(`sectors ${row.sectors.join(", ")}`);
  if (row.roles.length > 0) parts.push(`role ${row.roles.map((role) => ROLE_WORDS[role]).join(", ")}`);
  if (row.supplierGroup) parts.push(`supplier group ${row.supplierGroup}`);
  const { total, line, femalePercent, migrantPercent } = row.workers;
  const workers = [
    total !== null ? `${total} workers` : undefined,
    line !== null ? `${line} line workers` : undefined,
    femalePercent !== null ? `${femalePercent}% female` : undefined,
    migrantPercent !== null ? `${migrantPercent}% migrant` : undefined,
  ].filter((part) => part !== undefined);
  if (workers.length > 0) parts.push(`${workers.join(", ")} as of ${asOf}`);
  if (row.osId) parts.push(`Open Supply Hub ID ${row.osId}`);
  for (const brand of brands) parts.push(`as ${brand.relation === "OWNED" ? "a site the brand owns" : "a contract supplier"} of ${brand.slug}`);
  return { locator: rowLocator(sourceUrl, row.line), statement: `${parts.join("; ")}.` };
}
