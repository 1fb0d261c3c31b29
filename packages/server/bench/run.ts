import autocannon from "autocannon";
import { createDb, seed } from "@solegraph/db";
import { generateDataset } from "@solegraph/db/testing";
import { parseArgs } from "node:util";
import { serve } from "../src/server.ts";

const USAGE = `Usage: npm run bench [-- --duration 10 --connections 10 --scale 20]

Starts the server on a fresh in-memory embedded database (seed plus a synthetic
dataset of SCALE brands), then measures three representative queries with autocannon
and prints requests/s and p50/p99 latency for each. Not part of the test suite.
Set DATABASE_URL to benchmark against an (empty, disposable) PostgreSQL database.`;

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    scale: { type: "string", default: "20" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const QUERIES = {
  shallow: `{ brands(first: 20) { totalCount edges { node { slug name country { code } } } } }`,
  nested: `{ brands(first: 20) { edges { node { name
    models(first: 10) { edges { node { name madeInUsa { status }
      productions(first: 5) { edges { node { labelClaim factory { name city } route { position step { name } } } } }
    } } } } } } }`,
  search: `{ search(query: "hiero", first: 10) { __typename ... on SneakerModel { slug } ... on Brand { slug } ... on Factory { slug } } }`,
} as const;

const db = await createDb(process.env.DATABASE_URL ? { migrate: true } : { dataDir: ":memory:", migrate: true });
await seed(db.prisma);
await generateDataset(db.prisma, Number(values.scale));
const server = await serve({ db, port: 0, host: "127.0.0.1", logging: false });
console.log(`solegraph bench: ${db.description}, seed + ${values.scale} synthetic brands, ` +
  `${values.connections} connections, ${values.duration}s per query, Node ${process.version}\n`);

const rows: Record<string, string | number>[] = [];
for (const [name, query] of Object.entries(QUERIES)) {
  const result = await autocannon({
    url: server.url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    connections: Number(values.connections),
    duration: Number(values.duration),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  rows.push({
    query: name,
    "requests/s": Math.round(result.requests.average),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    requests: result.requests.total,
  });
}
console.table(rows);
await server.close();
