import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { commandLineActor, createDb, importFacilityList, type Db } from "../src/index.ts";
import { createPostgresDatabase, generateRegistry, writeFacilityList, writeManufacturingMap } from "../src/testing/index.ts";

const USAGE = `Usage: npm run bench:import -- [--format csv|xlsx|xls] [--rows N] [--registry N] [--database postgres|embedded|both] [--postgres URL]

Generates a facility list of N rows (default 100000; 700 for --format xls), as an
Open Supply Hub-style CSV or, for xlsx/xls, a brand's manufacturing-map workbook (title
row, supplier groups, worker figures), imports it into a fresh
PostgreSQL database and a fresh embedded (PGlite) folder, then imports it again (every
row matched, nothing changed), and prints rows/s, batches, the audit trail's size and
memory: the live JavaScript heap (after a garbage collection, once a second) at each
quarter of the import and at its highest (flat when parsing streams), and the
process's peak RSS (which includes PGlite's WebAssembly memory for the embedded database).

  --registry N     also import the list into a PostgreSQL registry of N generated
                   facilities (the scale benchmark's generator, packages/db/src/testing/
                   scale-registry.ts: set-based SQL, e.g. 1000000), and print its rate as a
                   ratio of the empty registry's: an import that stays linear keeps it
                   near 1.

  --postgres URL   a server where the bench may create a database
                   (default $SOLEGRAPH_TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres)`;

const { values } = parseArgs({
  options: { format: { type: "string" }, rows: { type: "string" }, registry: { type: "string" }, database: { type: "string" }, postgres: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const format = values.format ?? "csv";
const rows = Number(values.rows ?? (format === "xls" ? 700 : 100_000));
const registry = Number(values.registry ?? 0);
const which = values.database ?? "both";
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(registry) || registry < 0 || !["postgres", "embedded", "both"].includes(which) || !["csv", "xlsx", "xls"].includes(format)) {
  console.error(USAGE);
  process.exit(2);
}
const postgresServer = values.postgres ?? process.env["SOLEGRAPH_TEST_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const work = mkdtempSync(join(tmpdir(), "solegraph-import-bench-"));
const file = join(work, `list.${format}`);
if (format === "csv") await writeFacilityList(file, rows);
else await writeManufacturingMap(file, rows, format === "xls" ? "biff8" : "xlsx");
console.log(`${rows} rows, ${format}, ${(statSync(file).size / 1e6).toFixed(1)} MB (${file})`);

try {
  if (which !== "embedded") {
    const empty = await onPostgres((db) => measure("PostgreSQL", db));
    if (registry > 0) {
      const full = await onPostgres(async (db) => {
        const started = performance.now();
        process.stdout.write(`generating a registry of ${registry} (the scale benchmark's, set-based SQL)…`);
        await generateRegistry(db.sql, registry);
        console.log(` ${((performance.now() - started) / 1000).toFixed(0)} s`);
        return measure(`PostgreSQL, registry of ${registry}`, db, ["first import"]);
      });
      console.log(`Into the registry of ${registry}: ${(full / empty).toFixed(2)}× the rate into an empty one.`);
    }
  }
  if (which !== "postgres") await measure("embedded", await createDb({ dataDir: join(work, "data"), migrate: true }));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Runs `work` on a fresh PostgreSQL database, dropped after. */
async function onPostgres<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { url, drop } = await createPostgresDatabase(postgresServer);
  try {
    return await work(await createDb({ url, migrate: true }));
  } finally {
    await drop();
  }
}

/** Imports the list (and again); returns the first import's rows/s. */
async function measure(name: string, db: Db, passes = ["first import", "same list again"]): Promise<number> {
  let firstRate = 0;
  try {
    await db.prisma.source.create({ data: { slug: "bench-list", kind: "FACILITY_LIST", title: "A generated facility list" } });
    await db.prisma.brand.create({ data: { slug: "bench-brand", name: "Bench Brand" } });
    const actor = await commandLineActor(db.pool);
    // The workbook is read before the first sample: start from a collected heap.
    (globalThis as { gc?: () => void }).gc?.();
    for (const pass of passes) {
      const heap: number[] = [];
      let peakRss = 0;
      // Live objects only: without a collection the figure is mostly garbage waiting.
      const collect = (globalThis as { gc?: () => void }).gc;
      const take = () => {
        collect?.();
        const usage = process.memoryUsage();
        heap.push(usage.heapUsed);
        peakRss = Math.max(peakRss, usage.rss);
      };
      const sample = setInterval(take, 1000);
      const started = performance.now();
      const report = await importFacilityList({
        pool: db.pool,
        input: createReadStream(file),
        source: "bench-list",
        brand: "bench-brand",
        relation: "CONTRACT",
        tokenId: actor.id,
      });
      clearInterval(sample);
      take(); // a pass shorter than a second still reports its memory
      const seconds = (performance.now() - started) / 1000;
      const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
      const quarter = (q: number) => mb(heap[Math.min(heap.length - 1, Math.floor((heap.length * q) / 4))] ?? 0);
      const s = report.summary;
      firstRate ||= s.rows / seconds;
      const [audit] = await db.sql.query<{ bytes: string }>(`SELECT pg_total_relation_size('"Change"')::text AS bytes`);
      console.log(
        `${name}, ${pass}: ${Math.round(s.rows / seconds)} rows/s (${seconds.toFixed(1)} s) — created ${s.created}, matched ${s.matched}, ` +
          `rejected ${s.rejected}, ambiguous ${s.ambiguous}, possible duplicates ${s.possibleDuplicates}; ${report.run.batches} batches, audit records ${s.changes} (audit table ${(Number(audit!.bytes) / 1e6).toFixed(1)} MB); live heap at 25/50/75/100%: ` +
          `${quarter(1)}, ${quarter(2)}, ${quarter(3)}, ${quarter(4)} (highest ${mb(Math.max(...heap))}); peak RSS ${mb(peakRss)}`,
      );
    }
    return firstRate;
  } finally {
    await db.close();
  }
}
