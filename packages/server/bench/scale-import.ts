import { createReadStream } from "node:fs";
import { commandLineActor, fingerprintOf, importFacilityList, Ownership, type Db, type FacilityListSummary } from "@solegraph/db";
import type { ListedFacility } from "@solegraph/db/testing";

/** What one import of the bench's list did, as the importer reports it. */
export interface ImportFigures {
  readonly rows: number;
  /** The importer's own elapsed time (its report's), from its first read to its last commit. */
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Transactions committed: one per batch of rows. */
  readonly batches: number;
  readonly summary: FacilityListSummary;
}

export interface ListImport {
  /** The CSV written by `writeFacilityList`. */
  readonly file: string;
  /** Slugs of the Source and Brand the list is: created here (a brand's disclosure, under contract). */
  readonly source: string;
  readonly brand: string;
  /** Rows per transaction; default the importer's own (2,000), as `npm run import` runs it. */
  readonly batchSize?: number;
  /** Decide every row in one transaction and roll it back (`--dry-run`): a warm-up that leaves the database as it was. */
  readonly dryRun?: boolean;
}

/**
 * Imports the bench's facility list into `db` with the code `npm run import` runs
 * (packages/db/src/cli/import.ts): `importFacilityList` on the database's pool, the
 * file's fingerprint (a stopped run would continue), the command line's actor found on
 * the import's own connection, the brand's relation. Only what the importer reports is
 * measured: its elapsed time, rows and batches.
 */
export async function importList(db: Db, list: ListImport): Promise<ImportFigures> {
  const source = { slug: list.source, kind: "FACILITY_LIST", title: "A generated facility list (bench:scale)" } as const;
  await db.prisma.source.upsert({ where: { slug: list.source }, create: source, update: {} });
  await db.prisma.brand.upsert({ where: { slug: list.brand }, create: { slug: list.brand, name: `Bench Brand ${list.brand}` }, update: {} });
  const fingerprint = await fingerprintOf(createReadStream(list.file));
  const report = await importFacilityList({
    pool: db.pool,
    input: createReadStream(list.file),
    source: list.source,
    brand: list.brand,
    relation: Ownership.CONTRACT,
    tokenId: async (client) => (await commandLineActor(client)).id,
    fingerprint,
    dryRun: list.dryRun ?? false,
    ...(list.batchSize !== undefined && { batchSize: list.batchSize }),
  });
  const seconds = report.elapsedMs / 1000;
  return { rows: report.summary.rows, seconds, rowsPerSecond: report.summary.rows / Math.max(seconds, 0.001), batches: report.run.batches, summary: report.summary };
}

/**
 * `count` facilities of the registry, spread over it (every k-th by id), for the list
 * to name again: the rows a disclosure shares with the registry it is imported into.
 */
export async function registrySample(db: Db, count: number): Promise<ListedFacility[]> {
  if (count <= 0) return [];
  const [total] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Factory"`);
  return db.sql.query<ListedFacility>(
    `SELECT name, "countryCode", address FROM "Factory" WHERE id % $2 = 0 ORDER BY id LIMIT $1`,
    [count, Math.max(1, Math.floor(total!.n / count))],
  );
}
