import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createDb, seed } from "@solegraph/db";
import { createPostgresDatabase, generateDataset } from "@solegraph/db/testing";
import { freePort } from "../src/net/free-port.ts";
import { sortKeys } from "./answers.ts";
import { sampleCpu } from "./process-cpu.ts";
import { BENCH_QUERIES, type BenchQuery } from "./queries.ts";
import { COMPILED, SERVER_MEASURED, serverArgs } from "./server-command.ts";

const USAGE = `Usage: npm run bench [-- --duration 10 --connections 10 --scale 20 --database both --workers N]

Measures solegraph against the floor, in one run, on the same data: for each query
(shallow, nested, nested + madeInUsa) it loads solegraph's server (a child process:
the compiled server as production runs it, \`npm run build\` first; from source through
tsx when there is no build, and it says so) and a bare node:http server that answers with one
hand-written SQL statement, and prints requests/s, p50/p99 latency, the server's CPU
per request (whole process tree, and its main thread alone), SQL statements per
request, and solegraph's throughput as a share of the floor's.

Data: the seed plus SCALE synthetic brands, in a fresh embedded database (a temporary
folder) and a fresh PostgreSQL database that the run creates and drops.

Options:
  --duration S      seconds of load per query and server (default 10)
  --connections N   concurrent connections (default 10)
  --scale N         synthetic brands (default 20)
  --database D      postgres | embedded | both (default both)
  --workers N       server processes on PostgreSQL (the server's WORKERS; default: its own)
  --postgres URL    server to create the benchmark database on
                    (default $SOLEGRAPH_TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres)
  -h, --help        this help

Not part of the test suite: figures depend on the machine and on what else runs.`;

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    scale: { type: "string", default: "20" },
    database: { type: "string", default: "both" },
    workers: { type: "string" },
    postgres: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const serverDir = fileURLToPath(new URL("..", import.meta.url));
const duration = Number(values.duration);
const connections = Number(values.connections);
const scale = Number(values.scale);
const postgresServer = values.postgres ?? process.env.SOLEGRAPH_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

interface Measured {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpuMsPerRequest: number;
  readonly mainThreadMsPerRequest: number;
  readonly statementsPerRequest: number | undefined;
}

/** Waits until `url` answers below 500: the server's /ready (its /health answers while it is still starting), the floor's /. */
async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered:\n${output()}`);
}

/** The server as users run it (server-command.ts): production mode on PostgreSQL (production refuses the embedded database, which then runs the same code in development mode). */
function startServer(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const production = COMPILED && env["DATABASE_URL"] ? { NODE_ENV: "production", SHUTDOWN_DELAY_MS: "0" } : {};
  return start(serverArgs("--no-seed"), { ...env, ...production }, []);
}

function start(args: string[], env: NodeJS.ProcessEnv, nodeOptions: string[] = ["--import", "tsx"]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [...nodeOptions, ...args], { cwd: serverDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** SQL statements the server has sent, from its Prometheus metrics (when it has them). */
async function statementsSent(origin: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${origin}/metrics`)).text();
    const lines = text.split("\n").filter((line) => line.startsWith("solegraph_sql_statements_total"));
    return lines.length === 0 ? undefined : lines.reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
  } catch {
    return undefined;
  }
}

async function load(url: string, body: string | undefined, pid: number, origin: string | undefined): Promise<Measured> {
  const options = {
    url,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    ...(body !== undefined && { body }),
    connections,
  };
  await autocannon({ ...options, duration: 1 }); // warm-up: JIT, prepared statements, pools
  const statementsBefore = origin ? await statementsSent(origin) : undefined;
  const cpuBefore = sampleCpu(pid);
  const result = await autocannon({ ...options, duration });
  const cpuAfter = sampleCpu(pid);
  const statementsAfter = origin ? await statementsSent(origin) : undefined;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  const requests = result.requests.total;
  return {
    requestsPerSecond: requests / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: (cpuAfter.total - cpuBefore.total) / requests,
    mainThreadMsPerRequest: (cpuAfter.mainThread - cpuBefore.mainThread) / requests,
    // The metrics scrape itself is one request that sends no SQL.
    statementsPerRequest:
      statementsBefore === undefined || statementsAfter === undefined ? undefined : (statementsAfter - statementsBefore) / requests,
  };
}

async function answerOf(url: string, body?: string): Promise<string> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, ...(body && { body }) });
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors)}`);
  return JSON.stringify(sortKeys(json.data));
}

interface Target {
  readonly label: string;
  readonly serverEnv: NodeJS.ProcessEnv;
  /** What the floor opens: the PostgreSQL URL or the embedded data folder. */
  readonly floorTarget: string;
  cleanup(): Promise<void>;
}

async function prepare(kind: "postgres" | "embedded"): Promise<Target> {
  if (kind === "postgres") {
    const { url, drop } = await createPostgresDatabase(postgresServer);
    const db = await createDb({ url, migrate: true });
    await seed(db.prisma);
    await generateDataset(db.prisma, scale);
    await db.close();
    return {
      label: "PostgreSQL",
      serverEnv: { DATABASE_URL: url, ...(values.workers && { WORKERS: values.workers }) },
      floorTarget: url,
      cleanup: drop,
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-bench-"));
  const db = await createDb({ dataDir, migrate: true });
  await seed(db.prisma);
  await generateDataset(db.prisma, scale);
  await db.close();
  return {
    label: "embedded PGlite",
    serverEnv: { DATABASE_URL: "", SOLEGRAPH_DATA_DIR: dataDir },
    floorTarget: dataDir,
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The query the response cache's hit figure is measured with. */
const NESTED = BENCH_QUERIES.find((query) => query.name === "nested")!;

async function benchTarget(kind: "postgres" | "embedded"): Promise<Record<string, string | number>[]> {
  const target = await prepare(kind);
  const rows: Record<string, string | number>[] = [];
  try {
    const results = new Map<string, { solegraph: Measured; floor: Measured }>();
    // The embedded folder admits one process at a time: solegraph's run, then the floor's.
    const solegraph: Measured[] = [];
    const answers: string[] = [];
    {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      // The planner's own figures: with the response cache on, every request after the first would be a hit.
      const server = startServer({ ...target.serverEnv, PORT: String(port), HOST: "127.0.0.1", SOLEGRAPH_RESPONSE_CACHE: "off" });
      try {
        await waitFor(`${origin}/ready`, server.child, server.output);
        for (const query of BENCH_QUERIES) {
          const body = JSON.stringify({ query: query.graphql });
          answers.push(await answerOf(`${origin}/graphql`, body));
          solegraph.push(await load(`${origin}/graphql`, body, server.child.pid!, origin));
        }
      } finally {
        await stop(server.child);
      }
    }
    // The same nested query answered from the response cache (in-process store: no REDIS_URL).
    let cacheHit: Measured;
    {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const server = startServer({ ...target.serverEnv, PORT: String(port), HOST: "127.0.0.1", SOLEGRAPH_RESPONSE_CACHE: "on" });
      try {
        await waitFor(`${origin}/ready`, server.child, server.output);
        cacheHit = await load(`${origin}/graphql`, JSON.stringify({ query: NESTED.graphql }), server.child.pid!, origin);
      } finally {
        await stop(server.child);
      }
    }
    {
      const port = await freePort();
      const floor = start(["bench/floor-server.ts", String(port), target.floorTarget], {});
      try {
        await waitFor(`http://127.0.0.1:${port}/`, floor.child, floor.output);
        for (const [i, query] of BENCH_QUERIES.entries()) {
          const url = `http://127.0.0.1:${port}/${i}`;
          if ((await answerOf(url)) !== answers[i]) throw new Error(`The floor's answer to "${query.name}" differs from solegraph's.`);
          results.set(query.name, { solegraph: solegraph[i]!, floor: await load(url, undefined, floor.child.pid!, undefined) });
        }
      } finally {
        await stop(floor.child);
      }
    }
    for (const query of BENCH_QUERIES as readonly BenchQuery[]) {
      const { solegraph: s, floor: f } = results.get(query.name)!;
      for (const [who, m] of [["solegraph", s], ["SQL floor", f]] as const) {
        rows.push({
          database: target.label,
          query: query.name,
          server: who,
          "req/s": Math.round(m.requestsPerSecond),
          "p50 ms": m.p50,
          "p99 ms": m.p99,
          "CPU ms/req": Number(m.cpuMsPerRequest.toFixed(2)),
          "main thread ms/req": Number(m.mainThreadMsPerRequest.toFixed(2)),
          "SQL stmts/req": who === "SQL floor" ? 1 : m.statementsPerRequest === undefined ? "n/a" : Number(m.statementsPerRequest.toFixed(2)),
          "× floor": who === "SQL floor" ? 1 : Number((s.requestsPerSecond / f.requestsPerSecond).toFixed(2)),
        });
      }
    }
    const nestedFloor = results.get(NESTED.name)!.floor;
    rows.push({
      database: target.label,
      query: `${NESTED.name}, response cache hit`,
      server: "solegraph",
      "req/s": Math.round(cacheHit.requestsPerSecond),
      "p50 ms": cacheHit.p50,
      "p99 ms": cacheHit.p99,
      "CPU ms/req": Number(cacheHit.cpuMsPerRequest.toFixed(2)),
      "main thread ms/req": Number(cacheHit.mainThreadMsPerRequest.toFixed(2)),
      "SQL stmts/req": cacheHit.statementsPerRequest === undefined ? "n/a" : Number(cacheHit.statementsPerRequest.toFixed(2)),
      "× floor": Number((cacheHit.requestsPerSecond / nestedFloor.requestsPerSecond).toFixed(2)),
    });
  } finally {
    await target.cleanup();
  }
  return rows;
}

const kinds = values.database === "both" ? (["postgres", "embedded"] as const) : [values.database as "postgres" | "embedded"];
console.log(
  `solegraph bench: seed + ${scale} synthetic brands, ${connections} connections, ${duration}s per query and server, ` +
    `Node ${process.version}, ${os.availableParallelism()} cores; server processes on PostgreSQL: ` +
    `${values.workers ?? `the server's default (${os.availableParallelism()})`}, on the embedded database: 1; ` +
    `${SERVER_MEASURED}${COMPILED ? ", production mode on PostgreSQL" : ""}\n`,
);
const rows: Record<string, string | number>[] = [];
for (const kind of kinds) rows.push(...(await benchTarget(kind)));
console.table(rows);
