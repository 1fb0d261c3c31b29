import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "@solegraph/db";
import { createPostgresDatabase, generateRegistry, SCALE_BRANDS } from "@solegraph/db/testing";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";

const USAGE = `Usage: npm run bench:scale [-- --sizes 10000,100000,1000000 --database both --runs 30 --duration 20]

Generates a registry of N facilities per size (set-based SQL: ~200 countries, one big
brand with 5% of the sites, one small brand with 50; the shape is in
packages/db/src/testing/scale-registry.ts) in a fresh database, then measures the pages
issue 23 names, with the response cache off, through the app in process (app.fetch:
GraphQL parsing, planning and the SQL, no HTTP):
  search, brand page, small brand's first page with totalCount, a country's totalCount,
  near 50 km (a dense town), node lookup   — median and p95 of --runs sequential requests
  mixed load                               — 10 concurrent requests for --duration s:
                                             throughput, p95, errors
  import rows/s                            — the importer's figure (issue 23's importer
                                             half fills it: see importRowsPerSecond)

Options:
  --sizes LIST      facilities per registry, comma-separated (default 10000,100000)
  --database D      postgres | embedded | both (default postgres; embedded runs only
                    sizes up to 100000: it is one process's in-memory WASM PostgreSQL)
  --runs N          sequential requests per page (default 30)
  --duration S      seconds of mixed load (default 20)
  --concurrency N   requests in flight during the mixed load (default 10)
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
const serverUrl = values.postgres ?? process.env["SOLEGRAPH_TEST_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";

interface Page {
  readonly name: string;
  readonly query: string;
  /** Variables for the i-th request (search rotates its words, node lookups their ids). */
  readonly variables: (i: number) => Record<string, unknown>;
}

/**
 * The importer's rows/s into this registry (an empty one, and the generated one): the
 * importer's half of issue 23 plugs its measurement in here. Until then: not measured.
 */
export type ImportRowsPerSecond = (db: Db) => Promise<{ readonly intoEmpty: number; readonly intoRegistry: number } | undefined>;
const importRowsPerSecond: ImportRowsPerSecond = async () => undefined;

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

async function measure(db: Db, label: string, size: number, generationMs: number): Promise<void> {
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
  const imported = await importRowsPerSecond(db);
  console.log(`| import rows/s (empty / this registry) | ${imported ? `${imported.intoEmpty.toFixed(0)} / ${imported.intoRegistry.toFixed(0)}` : "not measured here (importer: issue 23's importer half)"} | | |`);
}

async function onPostgres(size: number): Promise<void> {
  if (values.existing) {
    const db = await createDb({ url: values.existing, migrate: true });
    try {
      await measure(db, "PostgreSQL (existing)", size, 0);
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
    await measure(db, "PostgreSQL", size, performance.now() - started);
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
    await measure(db, "embedded (PGlite)", size, performance.now() - started);
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
