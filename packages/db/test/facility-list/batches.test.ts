import { Readable } from "node:stream";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandLineActor, importFacilityList } from "../../src/index.ts";
import { matchStatement } from "../../src/facility-list/match.ts";
import type { FacilityRow } from "../../src/facility-list/row.ts";
import { createTestDb, generateRegistry, testDatabaseKind, type TestDb } from "../../src/testing/index.ts";
import { listSources, runImport } from "./support.ts";

/** A list of `count` distinct fictional facilities, one per line after the header; `area` sets them apart from another list's. */
function list(count: number, prefix = "Fictional Batch Works", area = 0): string {
  let csv = "country,name,address,sector,lat,lng\n";
  for (let i = 1; i <= count; i++) csv += `VN,${prefix} ${i},No. ${i} Sample Road Area ${area} Binh Duong,Footwear,${(10 + area + i / 100).toFixed(4)},${(106 + i / 100).toFixed(4)}\n`;
  return csv;
}

/** Imports commit in batches, keep their progress in an ImportRun, and continue after a stop. */
describe("importing a facility list in batches", () => {
  let db: TestDb;
  const count = async (sql: string) => Number((await db.sql.query<{ n: number }>(sql))[0]!.n);
  const factories = () => count(`SELECT count(*)::int AS n FROM "Factory"`);
  const audits = () => count(`SELECT count(*)::int AS n FROM "Change" WHERE action = 'IMPORT'`);
  const runs = () => db.sql.query<{ id: number; status: string; rowsDone: number; lastLine: number; batches: number }>(`SELECT id, status::text, "rowsDone", "lastLine", batches FROM "ImportRun" ORDER BY id`);

  beforeAll(async () => {
    db = await createTestDb();
    await listSources(db);
  });
  afterAll(() => db?.close());

  const csv = list(10);
  const stopAfterTwoBatches = (progress: { batches: number }) => {
    if (progress.batches === 2) throw new Error("simulated crash after the second batch");
  };

  it("keeps the batches committed before a crash, with one audit record each and the run's progress", async () => {
    await expect(runImport(db, csv, { batchSize: 3, fingerprint: "file-a", onProgress: stopAfterTwoBatches })).rejects.toThrow(/simulated crash/);
    expect(await factories()).toBe(6);
    expect(await audits()).toBe(2);
    expect(await runs()).toEqual([{ id: expect.any(Number), status: "FAILED", rowsDone: 6, lastLine: 7, batches: 2 }]);
    const records = await db.sql.query<{ after: { batch: number; lines: number[]; created: number[] } }>(`SELECT after FROM "Change" WHERE action = 'IMPORT' ORDER BY id`);
    expect(records.map((r) => [r.after.batch, r.after.lines, r.after.created.length])).toEqual([[1, [2, 4], 3], [2, [5, 7], 3]]);
  });

  it("continues the run after its last committed batch when the same file comes again", async () => {
    const report = await runImport(db, csv, { batchSize: 3, fingerprint: "file-a" });
    expect(report.run).toMatchObject({ batches: 4, resumedAfterLine: 7 });
    // Only the rows after the stop are decided again; the summary counts the whole file.
    expect(report.rows.map((r) => r.line)).toEqual([8, 9, 10, 11]);
    expect(report.summary).toMatchObject({ rows: 10, created: 10, matched: 0, changes: 4 });
    expect(await factories()).toBe(10);
    expect(await audits()).toBe(4);
    expect(await runs()).toEqual([{ id: report.run.id, status: "COMPLETED", rowsDone: 10, lastLine: 11, batches: 4 }]);
  });

  it("continues a run whose process died (left RUNNING)", async () => {
    const other = list(5, "Fictional Died Works", 1);
    await expect(runImport(db, other, { batchSize: 2, fingerprint: "file-b", onProgress: (p) => { if (p.batches === 1) throw new Error("stop"); } })).rejects.toThrow("stop");
    await db.sql.query(`UPDATE "ImportRun" SET status = 'RUNNING' WHERE fingerprint = 'file-b'`);
    const report = await runImport(db, other, { batchSize: 2, fingerprint: "file-b" });
    expect(report).toMatchObject({ run: { resumedAfterLine: 3 }, summary: { rows: 5, created: 5 } });
    expect(await factories()).toBe(15);
  });

  it("is idempotent once done: the same file again is a new run that matches every row and writes no audit record", async () => {
    const [before, auditsBefore] = [await factories(), await audits()];
    const report = await runImport(db, csv, { batchSize: 3, fingerprint: "file-a" });
    expect(report.run.resumedAfterLine).toBeNull();
    expect(report.summary).toMatchObject({ rows: 10, created: 0, matched: 10, updated: 0, citationsAdded: 0, changes: 0 });
    expect([await factories(), await audits()]).toEqual([before, auditsBefore]);
  });

  it("starts afresh for another file, and leaves no run for a dry run or a refused list", async () => {
    const runsBefore = (await runs()).length;
    const dry = await runImport(db, list(4, "Fictional Dry Works", 2), { batchSize: 2, dryRun: true, fingerprint: "file-c" });
    expect(dry).toMatchObject({ committed: false, run: { id: null }, summary: { created: 4 } });
    await expect(runImport(db, "just one line\n", { fingerprint: "file-d" })).rejects.toMatchObject({ code: "INVALID_LIST" });
    expect((await runs()).length).toBe(runsBefore);
    const partial = list(6, "Fictional Batch Works"); // the first rows of file-a, but another file
    const report = await runImport(db, partial, { batchSize: 3, fingerprint: "file-e" });
    expect(report).toMatchObject({ run: { resumedAfterLine: null, batches: 2 }, summary: { rows: 6, matched: 6 } });
  });

  it("closes a brand's disclosure right after a stop: the run keeps the factories its committed batches listed", async () => {
    for (const slug of ["example-brand-2025-06", "example-brand-2025-12"]) await db.prisma.source.create({ data: { slug, kind: "FACILITY_LIST", title: slug } });
    const snapshot = (numbers: number[]) => "country,name,address\n" + numbers.map((n) => `PK,Example Disclosed Works ${n},${n} Sample Lane Area 9 Sialkot\n`).join("");
    const brand = { brand: "example-brand", relation: "CONTRACT" as const, batchSize: 2 };
    await runImport(db, snapshot([1, 2, 3, 4, 5, 6]), { ...brand, source: "example-brand-2025-06", asOf: "2025-06-01" });
    const later = snapshot([1, 2, 4, 5, 7]); // 3 and 6 dropped, 7 added
    await expect(runImport(db, later, { ...brand, source: "example-brand-2025-12", asOf: "2025-12-01", fingerprint: "later", onProgress: stopAfterTwoBatches })).rejects.toThrow(/simulated/);
    const report = await runImport(db, later, { ...brand, source: "example-brand-2025-12", asOf: "2025-12-01", fingerprint: "later" });
    expect(report).toMatchObject({ run: { resumedAfterLine: 5 }, disclosure: { factoryCount: 5, added: 1, dropped: 2 } });
    const ended = await db.sql.query<{ name: string }>(
      `SELECT f.name FROM "BrandFactory" r JOIN "Factory" f ON f.id = r."factoryId" WHERE r."listedUntil" = '2025-12-01' ORDER BY f.name`);
    expect(ended.map((r) => r.name)).toEqual(["Example Disclosed Works 3", "Example Disclosed Works 6"]);
    expect(await count(`SELECT count(*)::int AS n FROM "ImportRunListed"`)).toBe(0);
  });

  it("reads the next batch while one is written: the first batch's COMMIT waits until the second batch's rows have all been read", async () => {
    const size = 100;
    // Long lines (an ignored column), so that the streams' own buffers hold a few dozen
    // lines at most: without the overlap, the second batch's last line is never asked
    // for before the first batch commits.
    const filler = "x".repeat(1500);
    let secondBatchRead!: () => void;
    const read = new Promise<void>((resolve) => (secondBatchRead = resolve));
    const lines = function* () {
      yield "country,name,address,note\n";
      for (let i = 1; i <= 3 * size; i++) {
        if (i === 2 * size) secondBatchRead();
        yield `VN,Fictional Overlap Works ${i},${i} Sample Lane Area 7 Binh Duong,${filler}\n`;
      }
    };
    let commits = 0;
    const gated = async (client: pg.PoolClient, args: Parameters<pg.PoolClient["query"]>) => {
      if (args[0] === "COMMIT" && commits++ === 0) {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("the second batch was not read while the first was written")), 10_000)));
        await Promise.race([read, late]).finally(() => clearTimeout(timer));
      }
      return (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
    };
    const pool = {
      connect: async () => {
        const client = await db.pool.connect();
        return new Proxy(client, { get: (target, property) => (property === "query" ? (...args: Parameters<pg.PoolClient["query"]>) => gated(target, args) : Reflect.get(target, property, target)) });
      },
    } as unknown as pg.Pool;
    const report = await importFacilityList({ pool, input: Readable.from(lines()), source: "example-list-2026", tokenId: async (client) => (await commandLineActor(client)).id, batchSize: size });
    expect(report.summary).toMatchObject({ rows: 3 * size, created: 3 * size });
    expect(report.run.batches).toBe(3);
  });

  it("matches rows through indexes: no statement reads the Factory table or a country's index", async () => {
    // Enough factories for the planner to prefer an index to a scan (fewer on the embedded
    // database, where generating them is the slow part of `npm test`).
    await generateRegistry(db.sql, testDatabaseKind === "postgres" ? 20_000 : 5_000);
    const rows: FacilityRow[] = [1, 2, 3].map((i) => ({
      line: i + 1, name: `Sample Shoes Works ${i * 1000}`, countryCode: "VN", address: `${i * 1000} Example Road, Exampleton VN 5`,
      latitude: 10 + i, longitude: 106 + i, sectors: [], notes: [], roles: [], brands: [], supplierGroup: null, workers: { total: null, line: null, femalePercent: null, migrantPercent: null }, osId: null,
    }));
    const { text, values } = matchStatement(rows);
    // With statistics and no planner settings: the importer's own SET enable_seqscan is not what makes it use them.
    const plan = (await db.sql.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, values)).map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/Factory_osId_key/);
    expect(plan).toMatch(/Index Scan using "?Factory_countryCode_nameNumbers_nameKey_idx[^\n]*\n\s*Index Cond: \(\("countryCode" = k\.country\) AND \(regexp_replace[^\n]*= k\.name_digits\) AND \("nameKey" = k\.name_key\)\)/);
    expect(plan).toMatch(/Factory_countryCode_addressKey_idx/);
    expect(plan).not.toMatch(/Seq Scan on "Factory"/);
    // The same name key, and similar names: SIMILAR_NAME_WINDOW keys with the row's
    // numbers on each side of its key, read from one index in both directions, never a
    // country's names.
    expect(plan).toMatch(/Limit[^\n]*\n\s*->\s+Index Scan Backward using "?Factory_countryCode_nameNumbers_nameKey_idx/);
    expect(plan).toMatch(/Limit[^\n]*\n\s*->\s+Index Scan using "?Factory_countryCode_nameNumbers_nameKey_idx[^\n]*\n\s*Index Cond: \(\("countryCode" = k\.country\) AND \(regexp_replace[^\n]*= k\.name_digits\) AND \("nameKey" > k\.name_key\)\)/);
    // The location probe reads a band of latitude (about 200 m), within the country
    // (PostgreSQL's choice) or across countries (PGlite's): either way a handful of
    // entries, never a whole country's (the index on countryCode alone, dropped in
    // 20261209000000 after PGlite chose it and imported at 148 rows/s into 100k factories).
    expect(plan).toMatch(/Factory_(countryCode_)?latitude_longitude_idx/);
    expect(plan).toMatch(/Index Cond: \((\("countryCode" = k\.country\) AND )?\(latitude >=/);
    if (testDatabaseKind === "postgres") expect(plan).toMatch(/Factory_countryCode_latitude_longitude_idx/);
  });
});
