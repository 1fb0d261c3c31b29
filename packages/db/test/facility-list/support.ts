import { Readable } from "node:stream";
import { commandLineActor, importFacilityList, type FacilityListImport, type FacilityListReport, type RowOutcome } from "../../src/index.ts";
import type { TestDb } from "../../src/testing/index.ts";

/** Creates a facility-list source (and a brand) the tests import against. */
export async function listSources(db: TestDb): Promise<void> {
  for (const slug of ["example-list-2026", "fictional-union-list"]) {
    await db.prisma.source.create({ data: { slug, kind: "FACILITY_LIST", title: `List ${slug}` } });
  }
  await db.prisma.brand.create({ data: { slug: "example-brand", name: "Example Brand" } });
}

/** Imports `csv` (a string or bytes) and returns the report with every row's outcome. */
export async function runImport(
  db: TestDb,
  csv: string | Buffer,
  options: Partial<Omit<FacilityListImport, "pool" | "input" | "tokenId">> = {},
): Promise<FacilityListReport & { rows: RowOutcome[] }> {
  const rows: RowOutcome[] = [];
  const report = await importFacilityList({
    pool: db.pool,
    input: Readable.from([typeof csv === "string" ? Buffer.from(csv, "utf8") : csv]),
    source: "example-list-2026",
    // As the command line does: the actor found or created inside the transaction.
    tokenId: async (client) => (await commandLineActor(client)).id,
    ...options,
    onOutcome: (outcome) => rows.push(outcome),
  });
  return { ...report, rows };
}

/** Row outcomes by line, as `outcome slug` or `outcome: reason`, for compact expectations. */
export function byLine(rows: readonly RowOutcome[]): Record<number, string> {
  return Object.fromEntries(rows.map((row) => [row.line, row.factory ? `${row.outcome} ${row.factory.slug}` : `${row.outcome}: ${row.reason}`]));
}
