import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { createDb, seed, type Db, type DbOptions } from "@solegraph/db";
import { configHelp, ConfigError, loadConfig, workerCount, type Config } from "./config.ts";
import { serveClusterMetrics } from "./observability/cluster-metrics.ts";
import { serve, type RunningServer } from "./server.ts";

const USAGE = `Usage: npm start [-- --no-seed]

Starts the solegraph GraphQL server with GraphiQL at http://HOST:PORT/graphql.
It migrates the database first, and loads the seed dataset into an empty one.

Options:
  --no-seed   never load the seed dataset, even into an empty database
  -h, --help  show this help

Environment:
${configHelp()}`;

let values: { "no-seed"?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({ options: { "no-seed": { type: "boolean" }, help: { type: "boolean", short: "h" } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/**
 * Signals: the first SIGTERM or SIGINT starts a graceful stop (finish requests in
 * flight, then close the database); repeats are ignored (a terminal's Ctrl-C reaches
 * npm and this process both). They are handled from the start: one that arrives while
 * starting stops the start.
 */
let stop: ((signal: string) => void) | undefined;
let stopRequested: string | undefined;
const onSignal = (signal: string) => {
  if (stopRequested) return;
  stopRequested = signal;
  stop?.(signal);
};
process.on("SIGTERM", () => onSignal("SIGTERM"));
process.on("SIGINT", () => onSignal("SIGINT"));

try {
  const config = loadConfig();
  if (cluster.isPrimary) await primary(config);
  else await worker(config);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}

function dbOptions(config: Config): DbOptions {
  return { url: config.databaseUrl, dataDir: config.dataDir, statementTimeoutMs: config.limits.queryTimeoutMs };
}

/**
 * Migrates and seeds once, then serves: in this process on the embedded database
 * (PGlite is one process's), or from WORKERS processes sharing the port on PostgreSQL,
 * where the work of each request is the database's and Node's cores can all serve.
 */
async function primary(config: Config): Promise<void> {
  const workers = workerCount(config);
  const db = await createDb({ ...dbOptions(config), migrate: true });
  if (!values["no-seed"] && !stopRequested && (await db.prisma.brand.count()) === 0) {
    await seed(db.prisma);
    console.log("Loaded the seed dataset into the empty database.");
  }
  if (stopRequested) {
    await db.close();
    process.exit(0);
  }
  if (workers === 1) return serveHere(db, config);
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
  let stopping = false;
  stop = (signal) => {
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then closing the database...`);
    for (const child of Object.values(cluster.workers ?? {})) child?.process.kill("SIGTERM");
  };
  cluster.on("exit", (_worker, code, signal) => {
    if (!stopping) {
      console.error(`A server process exited (${signal ?? code}); stopping.`);
      onSignal("worker exit");
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopping && code === 0 ? 0 : 1);
  });
  if (stopRequested) stop(stopRequested);
}

async function worker(config: Config): Promise<void> {
  const running = await serve({ db: await createDb(dbOptions(config)), port: config.port, host: config.host, config });
  // The primary decides when to stop: it sends SIGTERM (a terminal's SIGINT reaches every process).
  stop = (signal) => {
    if (signal === "SIGINT") {
      stopRequested = undefined;
      return;
    }
    void closeAndExit(running);
  };
  process.send?.({ url: running.url });
}

async function serveHere(db: Db, config: Config): Promise<void> {
  const running = await serve({ db, port: config.port, host: config.host, config });
  stop = (signal) => {
    console.log(`${signal}: finishing in-flight requests, then closing the database...`);
    void closeAndExit(running);
  };
  if (stopRequested) return stop(stopRequested);
  console.log(`solegraph on ${db.description}`);
  console.log(`GraphiQL and the GraphQL endpoint: ${running.url}`);
}

async function closeAndExit(running: RunningServer): Promise<void> {
  try {
    await running.close();
    process.exit(0);
  } catch (error) {
    console.error("Shutdown failed:", error);
    process.exit(1);
  }
}
