import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createDb, seed } from "@solegraph/db";
import { createPostgresDatabase } from "@solegraph/db/testing";
import { freePort } from "../src/net/free-port.ts";
import { BENCH_QUERIES } from "./queries.ts";
import { COMPILED, SERVER_MEASURED, serverArgs } from "./server-command.ts";

const USAGE = `Usage: npm run bench:ready [-- --connections 200 --duration 5 --busy 10]

How fast /ready answers a busy replica: CONNECTIONS clients ask /ready as fast as
they can while BUSY clients send the benchmark's nested GraphQL query, against a
server process (one worker, response cache off) on a fresh PostgreSQL database (created
and dropped): the compiled server as production runs it (\`npm run build\` first; from
source through tsx when there is no build, and it says so). The load runs twice: a
warm-up of WARMUP seconds (connections opening, the JIT compiling), reported apart, then
the measured run. Prints /ready's requests/s, p50, p99 and slowest answer, and its
non-200 answers. The load generator runs in this process, on the same cores as the
server: its figures include the client's own queueing. Orchestrators time readiness out
at about 1 s; the answer comes from state a background probe keeps fresh, so it should
stay far below that.

Options:
  --connections N  concurrent /ready clients (default 200)
  --duration S     seconds of load (default 5)
  --busy N         concurrent GraphQL clients beside them (default 10; 0 for none)
  --warmup S       seconds of the same load first, reported apart (default 2)
  --postgres URL   server to create the database on
                   (default $SOLEGRAPH_TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres)
  -h, --help       this help`;

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "200" },
    duration: { type: "string", default: "5" },
    busy: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    postgres: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const connections = Number(values.connections);
const duration = Number(values.duration);
const busy = Number(values.busy);
const warmup = Number(values.warmup);
const postgresServer = values.postgres ?? process.env.SOLEGRAPH_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const serverDir = fileURLToPath(new URL("..", import.meta.url));
const { url, drop } = await createPostgresDatabase(postgresServer);
try {
  const db = await createDb({ url, migrate: true });
  await seed(db.prisma);
  await db.close();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATABASE_URL: url, HOST: "127.0.0.1", PORT: String(port), WORKERS: "1", SOLEGRAPH_RESPONSE_CACHE: "false", LOG_LEVEL: "warn" };
  const serverEnv = COMPILED ? { ...env, NODE_ENV: "production", SHUTDOWN_DELAY_MS: "0" } : env;
  const server = spawn(process.execPath, serverArgs(), { cwd: serverDir, env: serverEnv, stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  try {
    await waitUntilReady(`${origin}/ready`);
    const nested = BENCH_QUERIES.find((query) => query.name === "nested") ?? BENCH_QUERIES[0]!;
    const run = async (seconds: number) => {
      const load =
        busy > 0
          ? autocannon({
              url: `${origin}/graphql`,
              connections: busy,
              duration: seconds,
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ query: nested.graphql }),
            })
          : undefined;
      const ready = await autocannon({ url: `${origin}/ready`, connections, duration: seconds });
      return { ready, graphql: await load };
    };
    const row = (label: string, result: autocannon.Result) =>
      `${label.padEnd(8)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  non-2xx ${result.non2xx}  errors ${result.errors}`;
    const print = (title: string, { ready, graphql }: Awaited<ReturnType<typeof run>>) => {
      console.log(title);
      console.log(row("/ready", ready));
      if (graphql) console.log(row("GraphQL", graphql));
    };
    if (warmup > 0) print(`warm-up, ${warmup} s (connections opening, JIT compiling):`, await run(warmup));
    print(`/ready at ${connections} connections for ${duration} s, beside ${busy} GraphQL clients, ${SERVER_MEASURED}${COMPILED ? " in production mode" : ""} on PostgreSQL:`, await run(duration));
  } finally {
    server.kill("SIGTERM");
    await exited;
  }
} finally {
  await drop();
}

async function waitUntilReady(readyUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(readyUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${readyUrl} never answered 200`);
}
