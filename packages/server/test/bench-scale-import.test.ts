import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDb, generateRegistry, writeFacilityList, type TestDb } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importList, registrySample } from "../bench/scale-import.ts";

// `npm run bench:scale`'s import figures mean something only while its import step is
// the importer `npm run import` runs, writing in batches, matching the registry's
// facilities the list names again. Structure, not timings (those are the bench's).
describe("the scale benchmark's import step", () => {
  let db: TestDb;
  const work = mkdtempSync(join(tmpdir(), "solegraph-scale-import-test-"));
  const file = join(work, "list.csv");
  const one = async <T,>(sql: string, values: unknown[] = []) => (await db.sql.query<T>(sql, values))[0]!;

  beforeAll(async () => {
    db = await createTestDb();
    await generateRegistry(db.sql, 500);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("imports the list in committed batches, matching the registry's facilities it names and creating the rest", async () => {
    const sample = await registrySample(db, 10);
    expect(sample).toHaveLength(10);
    // 100 rows: 10 name a sampled facility, 1 repeats an earlier row, 1 is rejected.
    await writeFacilityList(file, 100, sample);
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Factory"`);
    // The bench's warm-up: decided, rolled back, nothing left behind.
    const dry = await importList(db, { file, source: "example-import-list", brand: "example-import-brand", dryRun: true });
    expect(dry).toMatchObject({ rows: 100, summary: { created: 88 } });
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Factory"`)).n).toBe(before.n);

    const figures = await importList(db, { file, source: "example-import-list", brand: "example-import-brand", batchSize: 25 });

    expect(figures).toMatchObject({ rows: 100, batches: 4, summary: { created: 88, matched: 11, ambiguous: 0, possibleDuplicates: 0, rejected: 1 } });
    expect(figures.rowsPerSecond).toBeGreaterThan(0);
    // The importer's own records: a finished run of four batches, one audit record per batch.
    const run = await one<{ status: string; batches: number; rowsDone: number; audits: number }>(
      `SELECT r.status::text, r.batches, r."rowsDone", (SELECT count(*)::int FROM "Change" c WHERE c.action = 'IMPORT' AND (c.after->>'run')::int = r.id) AS audits
         FROM "ImportRun" r JOIN "Source" s ON s.id = r."sourceId" WHERE s.slug = 'example-import-list'`,
    );
    expect(run).toMatchObject({ status: "COMPLETED", batches: 4, rowsDone: 100 });
    expect(run.audits).toBeGreaterThanOrEqual(4);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Factory"`)).n).toBe(before.n + 88);
    // The sampled registry facilities were matched, not duplicated: each is now on the brand's list.
    const listed = await one<{ n: number }>(
      `SELECT count(DISTINCT f.id)::int AS n FROM "Factory" f JOIN "BrandFactory" r ON r."factoryId" = f.id JOIN "Brand" b ON b.id = r."brandId"
        WHERE b.slug = 'example-import-brand' AND f.slug LIKE 'example-site-%'`,
    );
    expect(listed.n).toBe(10);
  });
});
