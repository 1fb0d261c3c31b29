import cluster from "node:cluster";
import os from "node:os";
import { parseArgs } from "node:util";
import { createDb, resolveTarget, seed, type Db } from "@solegraph/db";
import { serveClusterMetrics } from "./observability/cluster-metrics.ts";
import { serve } from "./server.ts";

const USAGE = `Usage: npm start [-- --no-seed]

Starts the solegraph GraphQL server with GraphiQL at http://HOST:PORT/graphql.
It migrates the database first, and loads the seed dataset into an empty one.

Environment:
  PORT=4000                   port to listen on
  HOST=localhost              interface to listen on (0.0.0.0 for all)
  DATABASE_URL=postgres://... use that PostgreSQL server instead of the embedded database
  SOLEGRAPH_DATA_DIR=DIR      where the embedded database lives (default ./.solegraph/data)
  WORKERS=N                   server processes on PostgreSQL (default: one per CPU core);
                              the embedded database is one process's

Options:
  --no-seed   never load the seed dataset, even into an empty database
  -h, --help  show this help`;

const { values } = parseArgs({ options: { "no-seed": { type: "boolean" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const port = Number(process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${process.env.PORT}").`);
  const host = process.env.HOST || "localhost";
  if (cluster.isPrimary) await primary(port, host);
  else await worker(port, host);
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/**
 * Migrates and seeds once, then serves: in this process on the embedded database
 * (PGlite is one process's), or from WORKERS processes sharing the port on PostgreSQL,
 * where the work of each request is the database's and Node's cores can all serve.
 */
async function primary(port: number, host: string): Promise<void> {
  const target = resolveTarget();
  const workers = workerCount(target.kind === "postgres");
  const db = await createDb({ migrate: true });
  if (!values["no-seed"] && (await db.prisma.brand.count()) === 0) {
    await seed(db.prisma);
    console.log("Loaded the seed dataset into the empty database.");
  }
  if (workers === 1) {
    await serveHere(db, port, host);
    return;
  }
  await db.close();
  console.log(`solegraph on ${db.description}, ${workers} processes`);
  serveClusterMetrics();
  let announced = false;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on("message", (message: { url?: string }) => {
      if (message.url && !announced) {
        announced = true;
        console.log(`GraphiQL and the GraphQL endpoint: ${message.url}`);
      }
    });
  }
  cluster.on("exit", (_worker, code, signal) => {
    if (!stopping) {
      console.error(`A server process exited (${signal ?? code}); stopping.`);
      stop("worker exit");
    }
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then closing the database...`);
    for (const child of Object.values(cluster.workers ?? {})) child?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  await new Promise<void>((resolve) => {
    const check = () => Object.keys(cluster.workers ?? {}).length === 0 && resolve();
    cluster.on("exit", check);
  });
  process.exit(0);
}

async function worker(port: number, host: string): Promise<void> {
  const running = await serve({ db: await createDb(), port, host });
  process.on("SIGINT", () => {}); // the primary decides; it sends SIGTERM
  process.once("SIGTERM", () => running.close().then(() => process.exit(0), () => process.exit(1)));
  process.send?.({ url: running.url });
}

async function serveHere(db: Db, port: number, host: string): Promise<void> {
  const running = await serve({ db, port, host });
  // Handlers first, then the announcement: a signal sent as soon as the URL is printed
  // must find them in place.
  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing in-flight requests, then closing the database...`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  console.log(`solegraph on ${db.description}`);
  console.log(`GraphiQL and the GraphQL endpoint: ${running.url}`);
}

function workerCount(onPostgres: boolean): number {
  const asked = process.env.WORKERS;
  if (asked === undefined || asked === "") return onPostgres ? os.availableParallelism() : 1;
  const n = Number(asked);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WORKERS must be a whole number of processes, at least 1 (got "${asked}").`);
  if (n > 1 && !onPostgres) throw new Error("WORKERS above 1 needs DATABASE_URL: the embedded database is one process's.");
  return n;
}
