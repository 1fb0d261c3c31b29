/**
 * `npm run bench:fleet`: the fleet's figures, in one run on one database (seed + N
 * synthetic brands): the nested query through haproxy to 3 replicas and to 1 (two
 * stopped), uncached (authenticated requests bypass the cache), and answered from the
 * shared Redis cache. Throughput and latency at the balancer; on a 2-core machine the
 * replicas, PostgreSQL, Redis, haproxy and the load generator share the cores.
 */
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createApiToken, createDb, seed, TokenScope } from "@solegraph/db";
import { createPostgresDatabase, generateDataset } from "@solegraph/db/testing";
import { startFleet } from "../src/fleet/local-fleet.ts";
import { BENCH_QUERIES } from "./queries.ts";

const USAGE = `Usage: npm run bench:fleet [-- --duration 10 --connections 20 --scale 20 --postgres URL]

Starts a fleet (3 replicas, haproxy, Redis) on a fresh PostgreSQL database and prints
req/s and latency through the balancer: 3 replicas vs 1, and cache hits vs cold reads.`;

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    scale: { type: "string", default: "20" },
    postgres: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const duration = Number(values.duration);
const connections = Number(values.connections);
const scale = Number(values.scale);
const serverUrl = values.postgres ?? process.env["SOLEGRAPH_TEST_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const nested = BENCH_QUERIES.find((query) => query.name === "nested")!;

const database = await createPostgresDatabase(serverUrl);
const db = await createDb({ url: database.url, migrate: true });
await seed(db.prisma);
await generateDataset(db.prisma, scale);
const { token } = await createApiToken(db.prisma, { name: "bench", scopes: [TokenScope.CURATE] });
await db.close();

const fleet = await startFleet({ databaseUrl: database.url, replicas: 3, shutdownDelayMs: 500, args: ["--no-seed"] });
const rows: Record<string, string | number>[] = [];
try {
  const run = async (label: string, authorized: boolean) => {
    const options = {
      url: fleet.url,
      method: "POST" as const,
      headers: { "content-type": "application/json", ...(authorized && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query: nested.graphql }),
      connections,
    };
    await autocannon({ ...options, duration: 2 }); // warm-up
    const result = await autocannon({ ...options, duration });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    rows.push({ fleet: label, "req/s": Math.round(result.requests.average), "p50 ms": result.latency.p50, "p99 ms": result.latency.p99 });
  };
  await run("3 replicas, uncached (authenticated)", true);
  await run("3 replicas, cache hits (public)", false);
  for (const replica of fleet.replicas.slice(1)) {
    replica.child.kill("SIGTERM");
    await replica.exited;
  }
  await run("1 replica, uncached (authenticated)", true);
  await run("1 replica, cache hits (public)", false);
} finally {
  await fleet.close();
  await database.drop();
}
console.log(`solegraph fleet bench: "${nested.name}" query, seed + ${scale} synthetic brands, ${connections} connections, ${duration}s each, through haproxy\n`);
console.table(rows);
