import cluster from "node:cluster";
import { parseArgs } from "node:util";
import {
  createDb,
  DatabaseConnectionError,
  DataDirLockedError,
  describeTarget,
  MigrationError,
  resolveTarget,
  seed,
  type Db,
  type DbOptions,
} from "@solegraph/db";
import { checkStartable, configHelp, ConfigError, loadConfig, workerCount, type Config } from "./config.ts";
import { createSharedState, RedisUnavailableError } from "./fleet/shared-state.ts";
import { serveClusterMetrics } from "./observability/cluster-metrics.ts";
import { createLogger, type Logger } from "./observability/logger.ts";
import { serveMetrics } from "./observability/metrics-server.ts";
import { checkPortFree, listen, PortInUseError, serve, type RunningServer } from "./server.ts";
import { WEB_DIST_DIR, webPageBuilt } from "./http/web-files.ts";

const USAGE = `Usage: npm start [-- --no-seed] [--force-database]

Starts the solegraph GraphQL server: the web page at http://HOST:PORT/, GraphiQL and
the GraphQL endpoint at http://HOST:PORT/graphql.
It binds the port, migrates the database, loads the seed dataset into an empty one,
then serves; each step is logged as it happens.

Options:
  --no-seed          never load the seed dataset, even into an empty database
  --force-database   migrate PostgreSQL's "postgres" maintenance database, or a database
                     with tables but no migration history (refused otherwise)
  -h, --help         show this help

Environment (each checked at start; a wrong value stops the server and says why):
${configHelp()}`;

let values: { "no-seed"?: boolean; "force-database"?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { "no-seed": { type: "boolean" }, "force-database": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  }));
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

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(2);
}
const logger = createLogger({ level: config.log.level, ...(config.log.format && { pretty: config.log.format === "pretty" }) });

try {
  checkStartable(config);
  if (cluster.isPrimary) await primary(config);
  else await worker(config);
} catch (error) {
  // Failures a user can fix are one clear line; anything else is our fault, with its stack.
  if (error instanceof ConfigError) {
    logger.fatal(error.message);
    process.exit(2);
  }
  if ([PortInUseError, DatabaseConnectionError, MigrationError, DataDirLockedError, RedisUnavailableError].some((kind) => error instanceof kind)) {
    logger.fatal((error as Error).message);
  } else {
    logger.fatal({ err: error }, "start-up failed");
  }
  process.exit(1);
}

function dbOptions(config: Config): DbOptions {
  return { url: config.databaseUrl, dataDir: config.dataDir, statementTimeoutMs: config.limits.queryTimeoutMs, poolSize: config.poolSize };
}

/**
 * Opens, migrates and (when empty) seeds the database, saying what it does as it does
 * it. On PostgreSQL all of it happens under Prisma's migration lock: replicas starting
 * together migrate and seed once, one after the other.
 */
async function openDatabase(config: Config): Promise<Db> {
  logger.info(`Opening the database (${describeTarget(resolveTarget({ url: config.databaseUrl, dataDir: config.dataDir }))})...`);
  const db = await createDb({
    ...dbOptions(config),
    migrate: true,
    forceDatabase: values["force-database"],
    onMigrating: (names) => logger.info({ migrations: names }, `Migrating: applying ${names.length} migration${names.length === 1 ? "" : "s"}...`),
    afterMigrate: async (prisma, { applied, alreadyApplied, newer }) => {
      logger.info(
        { applied: applied.length, alreadyApplied },
        applied.length > 0 ? `Migrated: ${applied.length} applied (${alreadyApplied} already)` : `Database up to date (${alreadyApplied} migrations)`,
      );
      if (newer.length > 0) {
        logger.warn(
          { newer },
          `The database has ${newer.length} migration(s) from a newer solegraph (${newer.join(", ")}); serving anyway, as migrations only expand (README: "Writing a migration"). Upgrade this replica soon.`,
        );
      }
      if (values["no-seed"] || stopRequested || (await prisma.brand.count()) > 0) return;
      logger.info("Seeding the empty database...");
      const started = performance.now();
      await seed(prisma);
      logger.info({ durationMs: Math.round(performance.now() - started) }, "Seeded: loaded the seed dataset");
    },
  });
  return db;
}

async function sharedState(config: Config) {
  const shared = await createSharedState({ redisUrl: config.redisUrl, logger });
  logger.info(`Response cache ${config.responseCache.enabled ? "on" : "off"}; shared with: ${shared.description}`);
  return shared;
}

/**
 * Binds the port first (a busy port is reported at once), migrates and seeds once,
 * then serves: in this process on the embedded database (PGlite is one process's), or
 * from WORKERS processes sharing the port on PostgreSQL, where the work of each request
 * is the database's and Node's cores can all serve.
 */
async function primary(config: Config): Promise<void> {
  const workers = workerCount(config);
  if (workers === 1) {
    const listener = await listen(config.port, config.host);
    logger.info({ url: listener.url }, `Port ${listener.port} bound on ${config.host}; starting (requests get 503 until ready)`);
    const db = await openDatabase(config);
    if (stopRequested) return exitAfter(() => db.close());
    const running = await serve({ db, listener, config, logger, shared: await sharedState(config) });
    return announce(running, db.description, 1);
  }
  await checkPortFree(config.port, config.host);
  logger.info(`Port ${config.port} is free on ${config.host}; ${workers} server processes will share it`);
  const db = await openDatabase(config);
  await db.close();
  if (stopRequested) process.exit(0);
  const aggregate = serveClusterMetrics();
  if (config.metrics.enabled && config.metrics.port !== undefined) {
    const metricsServer = await serveMetrics({ contentType: aggregate.contentType, render: () => aggregate.clusterMetrics() }, config.metrics.port, config.host);
    logger.info(`Metrics for all processes at http://${config.host}:${metricsServer.port}/metrics`);
  }
  let announced = false;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on("message", (message: { url?: string }) => {
      if (message.url && !announced) {
        announced = true;
        logger.info({ url: message.url, processes: workers, database: db.description }, `Ready on ${db.description}, ${workers} processes. ${webPageLine(message.url)}`);
      }
    });
  }
  let stopping = false;
  stop = (signal) => {
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests, then closing the database...`);
    for (const child of Object.values(cluster.workers ?? {})) child?.process.kill("SIGTERM");
  };
  cluster.on("exit", (_worker, code, signal) => {
    if (!stopping) {
      logger.error(`A server process exited (${signal ?? code}); stopping.`);
      onSignal("worker exit");
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopping && code === 0 ? 0 : 1);
  });
  if (stopRequested) stop(stopRequested);
}

async function worker(config: Config): Promise<void> {
  // METRICS_PORT is the primary's (it serves the sum of all processes).
  const running = await serve({ db: await createDb(dbOptions(config)), port: config.port, host: config.host, config, logger, shared: await sharedState(config) });
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

function announce(running: RunningServer, database: string, processes: number): void {
  stop = (signal) => {
    logger.info(`${signal}: finishing in-flight requests, then closing the database...`);
    void closeAndExit(running);
  };
  if (stopRequested) return stop(stopRequested);
  if (running.metricsPort !== undefined) logger.info(`Metrics at http://${config.host}:${running.metricsPort}/metrics`);
  logger.info({ url: running.url, processes, database }, `Ready on ${database}. ${webPageLine(running.url)}`);
}

/** Where to point a browser: the web page when it is built, and GraphiQL. */
function webPageLine(graphqlUrl: string): string {
  const graphiql = `GraphiQL and the GraphQL endpoint: ${graphqlUrl}`;
  return webPageBuilt(WEB_DIST_DIR)
    ? `The web page: ${new URL("/", graphqlUrl).href}; ${graphiql}`
    : `${graphiql} (the web page is not built: npm run build:web)`;
}

async function exitAfter(work: () => Promise<void>): Promise<never> {
  await work();
  process.exit(0);
}

async function closeAndExit(running: RunningServer): Promise<void> {
  try {
    await running.close();
    logger.info("Stopped.");
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, "Shutdown failed");
    process.exit(1);
  }
}
