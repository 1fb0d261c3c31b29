import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "@solegraph/db";
import { createPostgresDatabase, generateRegistry, SCALE_BRANDS, writeFacilityList } from "@solegraph/db/testing";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { importList, registrySample, type ImportFigures } from "./scale-import.ts";

const USAGE = `Usage: npm run bench:scale [-- --sizes 10000,100000,1000000 --database both --runs 30 --duration 20 --import-rows 20000]

Generates a registry of N facilities per size (set-based SQL: ~200 countries, one big
brand with 5% of the sites, one small brand with 50; the shape is in
packages/db/src/testing/scale-registry.ts) in a fresh database, then measures the pages
issue 23 names, with the response cache off, through the app in process (app.fetch:
GraphQL parsing, planning and the SQL, no HTTP):
  search, brand page, small brand's first page with totalCount, a country's totalCount,
  near 50 km (a dense town), node lookup   — median and p95 of --runs sequential requests
  mixed load                               — 10 concurrent requests for --duration s:
                                             throughput, p95, errors
  import rows/s                            — a generated facility list of --import-rows
                                             rows (a brand's disclosure: mostly new sites,
                                             one row in ten a facility of the registry)
                                             imported by npm run import's code, into a fresh
                                             empty database and then into the registry: the
                                             importer's own elapsed time, batches, outcomes

Options:
  --sizes LIST      facilities per registry, comma-separated (default 10000,100000)
  --database D      postgres | embedded | both (default postgres; embedded runs only
                    sizes up to 100000: it is one process's in-memory WASM PostgreSQL)
  --runs N          sequential requests per page (default 30)
  --duration S      seconds of mixed load (default 20)
  --concurrency N   requests in flight during the mixed load (default 10)
  --import-rows N   rows of the imported list (default 20000; 0: no import). The import
                    comes last: it adds its rows to the registry (with --existing and
                    --keep too, so a kept database grows by them on every run)
  --postgres URL    server to create the databases on
                    (default $SOLEGRAPH_TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres)
  --keep            keep the PostgreSQL databases (their URLs are printed)
  --existing URL    measure a database kept by --keep (its size as --sizes), without generating
  -h, --help        this help

Not part of the test suite: figures depend on the machine and on what else runs.`;

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    database: { type: "string", default: "postgres" },
    runs: { type: "string", default: "30" },
    duration: { type: "string", default: "20" },
    concurrency: { type: "string", default: "10" },
    "import-rows": { type: "string", default: "20000" },
    postgres: { type: "string" },
    keep: { type: "boolean", default: false },
    existing: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const sizes = values.sizes.split(",").map((size) => Number(size.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error("--sizes: whole numbers of at least 100, comma-separated.");
if (!["postgres", "embedded", "both"].includes(values.database)) throw new Error("--database: postgres, embedded or both.");
const runs = Number(values.runs);
const durationMs = Number(values.duration) * 1000;
const concurrency = Number(values.concurrency);
const importRows = Number(values["import-rows"]);
if (!Number.isInteger(importRows) || importRows < 0) throw new Error("--import-rows: a whole number (0: no import).");
const serverUrl = values.postgres ?? process.env["SOLEGRAPH_TEST_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";

interface Page {
  readonly name: string;
  readonly query: string;
  /** Variables for the i-th request (search rotates its words, node lookups their ids). */
  readonly variables: (i: number) => Record<string, unknown>;
}

/** A fresh database beside the registry, migrated and empty: the import's baseline. */
type OpenEmpty = () => Promise<{ readonly db: Db; readonly close: () => Promise<void> }>;

async function pagesFor(db: Db): Promise<Page[]> {
  const [town] = await db.sql.query<{ latitude: number; longitude: number }>(
    `SELECT avg(latitude)::float8 AS latitude, avg(longitude)::float8 AS longitude FROM "Factory" WHERE city = 'Exampleton CN 3'`,
  );
  const [range] = await db.sql.query<{ low: number; high: number }>(`SELECT min(id) AS low, max(id) AS high FROM "Factory"`);
  const words = ["footwear", "fictinal shoes", "exampleton cn 3", "specimne uppers", "qzxvwk"];
  const factoryId = (i: number) => range!.low + ((i * 7919) % (range!.high - range!.low + 1));
  return [
    {
      name: "search",
      query: `query($q: String!) { search(query: $q, first: 10) { match result { __typename ... on Factory { slug name city } ... on Brand { slug } ... on SneakerModel { slug } } } }`,
      variables: (i) => ({ q: words[i % words.length] }),
    },
    {
      name: "brand page (big brand)",
      query: `query($slug: String!) { brand(slug: $slug) { name productionByCountry { countries { countryCode countryName recorded productionCount factoryCount knownVolume volumeShare } }
        models(first: 20) { totalCount edges { node { slug name } } } } }`,
      variables: () => ({ slug: SCALE_BRANDS.big }),
    },
    {
      name: "small brand, first page + totalCount",
      query: `query($slug: String!) { factories(filter: { brand: $slug }, first: 20) { totalCount edges { node { slug name city country { code } } } pageInfo { hasNextPage endCursor } } }`,
      variables: () => ({ slug: SCALE_BRANDS.small }),
    },
    {
      name: "country totalCount (CN)",
      query: `query($country: CountryCode!) { factories(filter: { country: $country }, first: 20) { totalCount edges { node { slug name } } } }`,
      variables: () => ({ country: "CN" }),
    },
    {
      name: "near 50 km (dense town)",
      query: `query($near: NearInput!) { factories(filter: { near: $near }, first: 20) { totalCount edges { node { slug name location { latitude longitude } } } } }`,
      variables: () => ({ near: { latitude: town!.latitude, longitude: town!.longitude, radiusKm: 50 } }),
    },
    {
      name: "node lookup",
      query: `query($id: ID!) { node(id: $id) { id ... on Factory { name city country { code } } } }`,
      variables: (i) => ({ id: Buffer.from(`Factory:${factoryId(i)}`).toString("base64url") }),
    },
  ];
}

type Send = (page: Page, i: number) => Promise<{ ms: number; ok: boolean; error?: string }>;

function sender(db: Db): Send {
  const app = createApp({ db, config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off", SOLEGRAPH_QUERY_TIMEOUT_MS: "30000", LOG_LEVEL: "silent" }) });
  return async (page, i) => {
    const started = performance.now();
    const response = await app.fetch(
      new Request("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: page.query, variables: page.variables(i) }),
      }),
    );
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const ms = performance.now() - started;
    const error = body.errors?.[0];
    return { ms, ok: response.status === 200 && !error, ...(error && { error: `${error.extensions?.code ?? ""} ${error.message}` }) };
  };
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function measure(db: Db, label: string, size: number, generationMs: number, openEmpty: OpenEmpty): Promise<void> {
  const pages = await pagesFor(db);
  const send = sender(db);
  console.log(`\n### ${label}, ${size.toLocaleString("en")} facilities (generated in ${(generationMs / 1000).toFixed(0)} s)\n`);
  console.log("| page | median ms | p95 ms | errors |");
  console.log("| --- | --- | --- | --- |");
  for (const page of pages) {
    for (let i = 0; i < 3; i += 1) await send(page, i); // prepared statements, caches
    const times: number[] = [];
    const errors = new Set<string>();
    for (let i = 0; i < runs; i += 1) {
      const result = await send(page, i);
      times.push(result.ms);
      if (result.error) errors.add(result.error);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${page.name} | ${fmt(percentile(times, 0.5))} | ${fmt(percentile(times, 0.95))} | ${errors.size ? [...errors].join("; ").slice(0, 160) : "0"} |`);
  }
  // Mixed load: `concurrency` requests in flight, each worker cycling through the pages.
  const times: number[] = [];
  let failed = 0;
  const firstErrors = new Set<string>();
  const until = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < until; i += concurrency) {
        const result = await send(pages[i % pages.length]!, i);
        times.push(result.ms);
        if (!result.ok) {
          failed += 1;
          if (result.error && firstErrors.size < 3) firstErrors.add(result.error.slice(0, 120));
        }
      }
    }),
  );
  times.sort((a, b) => a - b);
  console.log(
    `| mixed, ${concurrency} concurrent, ${durationMs / 1000} s | ${(times.length / (durationMs / 1000)).toFixed(0)} req/s | p95 ${fmt(percentile(times, 0.95))} | ${failed}${firstErrors.size ? ` (${[...firstErrors].join("; ")})` : ""} |`,
  );
  await measureImport(db, openEmpty);
}

/**
 * The same list into an empty database and into the registry, last (it adds to the
 * registry). One row in ten names a facility of the registry (sampled before either
 * import): matched there, new in the empty database.
 */
async function measureImport(db: Db, openEmpty: OpenEmpty): Promise<void> {
  if (importRows === 0) {
    console.log("| import rows/s | not measured (--import-rows 0) | | |");
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-scale-import-"));
  try {
    const file = path.join(work, "list.csv");
    await writeFacilityList(file, importRows, await registrySample(db, Math.floor(importRows / 10)));
    // Unique slugs: an --existing or kept registry may hold an earlier run's list.
    const run = Date.now().toString(36);
    const list = { file, source: `example-import-list-${run}`, brand: `example-import-brand-${run}` };
    // A warm-up first, the same code on a list of one batch, as a dry run (rolled
    // back: the database stays empty): without it the first import measured pays for
    // loading and compiling the importer's code and the new database's first statements.
    const warmUp = path.join(work, "warm-up.csv");
    await writeFacilityList(warmUp, 2_000);
    const row = (name: string, f: ImportFigures) =>
      `| import ${f.rows.toLocaleString("en")} rows ${name} | ${f.rowsPerSecond.toFixed(0)} rows/s | ${f.seconds.toFixed(1)} s, ${f.batches} batch${f.batches === 1 ? "" : "es"} | ` +
      `created ${f.summary.created} (possible duplicates ${f.summary.possibleDuplicates}), matched ${f.summary.matched}, ambiguous ${f.summary.ambiguous}, rejected ${f.summary.rejected} |`;
    const empty = await openEmpty();
    let intoEmpty: ImportFigures;
    try {
      await importList(empty.db, { ...list, file: warmUp, dryRun: true });
      intoEmpty = await importList(empty.db, list);
      console.log(row("into an empty database", intoEmpty));
    } finally {
      await empty.close();
    }
    const intoRegistry = await importList(db, list);
    console.log(row("into this registry", intoRegistry));
    console.log(`\nimport rows/s: empty / into the registry = ${intoEmpty.rowsPerSecond.toFixed(0)} / ${intoRegistry.rowsPerSecond.toFixed(0)} (${(intoRegistry.rowsPerSecond / intoEmpty.rowsPerSecond).toFixed(2)}×)`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function emptyPostgres(): ReturnType<OpenEmpty> {
  const { url, drop } = await createPostgresDatabase(serverUrl);
  try {
    const db = await createDb({ url, migrate: true });
    return { db, close: async () => { await db.close(); await drop(); } };
  } catch (error) {
    await drop();
    throw error;
  }
}

async function emptyEmbedded(): ReturnType<OpenEmpty> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-scale-empty-"));
  const db = await createDb({ dataDir: dir, migrate: true });
  return { db, close: async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

async function onPostgres(size: number): Promise<void> {
  if (values.existing) {
    const db = await createDb({ url: values.existing, migrate: true });
    try {
      await measure(db, "PostgreSQL (existing)", size, 0, emptyPostgres);
    } finally {
      await db.close();
    }
    return;
  }
  const { url, drop } = await createPostgresDatabase(serverUrl);
  const db = await createDb({ url, migrate: true });
  try {
    const started = performance.now();
    await generateRegistry(db.sql, size);
    await measure(db, "PostgreSQL", size, performance.now() - started, emptyPostgres);
  } finally {
    await db.close();
    if (values.keep) console.log(`(kept: ${url})`);
    else await drop();
  }
}

async function onEmbedded(size: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-scale-"));
  const db = await createDb({ dataDir: dir, migrate: true });
  try {
    const started = performance.now();
    await generateRegistry(db.sql, size);
    await measure(db, "embedded (PGlite)", size, performance.now() - started, emptyEmbedded);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`solegraph bench:scale — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const size of sizes) {
  if (values.database !== "embedded") await onPostgres(size);
  if (values.database !== "postgres" && size <= 100_000) await onEmbedded(size);
}
