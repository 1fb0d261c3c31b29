import { spawn } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDb, seed } from "@solegraph/db";
import { createPostgresDatabase } from "@solegraph/db/testing";
import { freePort } from "../src/net/free-port.ts";
import { BENCH_QUERIES } from "./queries.ts";

const USAGE = `Usage: npm run bench:start [-- --runs 3]   (run \`npm run build\` first)

Start-up time and memory of the server as production runs it (compiled, plain node:
what \`NODE_ENV=production npm start\` runs) and from its TypeScript sources through
tsx (what development runs), both with NODE_ENV=production, one process (WORKERS=1),
on a fresh PostgreSQL database migrated and seeded beforehand. For each: the time
from spawn to the first 200 from /ready, and the process's resident memory (RSS)
then and after 200 requests of the benchmark's nested query. Median of RUNS starts.

Options:
  --runs N        starts of each (default 3)
  --postgres URL  server to create the database on
                  (default $SOLEGRAPH_TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres)
  -h, --help      this help`;

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, postgres: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = Number(values.runs);
const root = fileURLToPath(new URL("../../..", import.meta.url));
const COMPILED = ["--conditions=solegraph-compiled", "packages/server/dist/main.js"];
if (!fs.existsSync(`${root}/${COMPILED[1]}`)) {
  console.error("No compiled server: run `npm run build` first.");
  process.exit(1);
}
const WAYS = [
  { label: "compiled (node dist/main.js)", args: COMPILED },
  { label: "tsx (node --import tsx src/main.ts)", args: ["--import", "tsx", "packages/server/src/main.ts"] },
];
const nested = BENCH_QUERIES.find((query) => query.name === "nested") ?? BENCH_QUERIES[0]!;
const postgresServer = values.postgres ?? process.env.SOLEGRAPH_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const { url, drop } = await createPostgresDatabase(postgresServer);
try {
  const db = await createDb({ url, migrate: true });
  await seed(db.prisma);
  await db.close();
  console.log(`Start-up on PostgreSQL, NODE_ENV=production, WORKERS=1; median of ${runs} starts each:`);
  for (const way of WAYS) {
    const samples: { startMs: number; readyRss: number; loadedRss: number }[] = [];
    for (let i = 0; i < runs; i++) samples.push(await startOnce(way.args, url));
    const median = (pick: (s: (typeof samples)[number]) => number) => samples.map(pick).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
    console.log(
      `  ${way.label.padEnd(38)} ready in ${(median((s) => s.startMs) / 1000).toFixed(2)} s, RSS ${mb(median((s) => s.readyRss))} when ready, ${mb(median((s) => s.loadedRss))} after 200 requests`,
    );
  }
} finally {
  await drop();
}

async function startOnce(args: readonly string[], databaseUrl: string) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, HOST: "127.0.0.1", PORT: String(port), WORKERS: "1", LOG_LEVEL: "warn" };
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    while (!(await fetch(`${origin}/ready`).then((r) => r.ok, () => false))) {
      if (performance.now() - started > 60_000) throw new Error(`${args.join(" ")} never became ready`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const startMs = performance.now() - started;
    const readyRss = rssOf(child.pid!);
    for (let i = 0; i < 200; i++) {
      const response = await fetch(`${origin}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: nested.graphql }) });
      if (!response.ok) throw new Error(`GraphQL answered ${response.status}`);
      await response.arrayBuffer();
    }
    return { startMs, readyRss, loadedRss: rssOf(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** Resident memory of a process, in bytes (Linux). */
function rssOf(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? 0) * 1024;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
