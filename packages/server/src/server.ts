import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { openControlChannel, type ControlChannel, type Db } from "@solegraph/db";
import compression from "compression";
import { createApp, metricsEndpoint, type AppOptions, type Lifecycle } from "./app.ts";
import { DEFAULT_CONFIG } from "./config.ts";
import { answerReadiness, createReadiness, isReadinessPoll } from "./http/readiness.ts";
import { createChangeFeed } from "./fleet/change-feed.ts";
import { localState } from "./fleet/shared-state.ts";
import { silentLogger, type Logger } from "./observability/logger.ts";
import { createMetrics } from "./observability/metrics.ts";
import { serveMetrics, type MetricsServer } from "./observability/metrics-server.ts";

/** How long requests in flight may take to finish once the server is stopping. */
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Balancers keep idle connections to a backend open for about 60 s (haproxy, AWS ALB):
 * the server must keep them longer, or it closes one the balancer is about to reuse
 * and a client gets a 502. Headers may take a little longer than that.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const HEADERS_TIMEOUT_MS = 66_000;
/**
 * A whole request (headers and body) must arrive within this, or Node answers 408 and
 * closes (a query's body has a shorter clock of its own: limits/use-body-limit.ts; this
 * one bounds uploads). Node swaps requestTimeout and headersTimeout when the first is
 * smaller, and looks at both only every connectionsCheckingInterval (30 s by default):
 * all three are set here deliberately.
 */
const REQUEST_TIMEOUT_MS = 120_000;
const CONNECTIONS_CHECKING_INTERVAL_MS = 1_000;

/** Answers smaller than this go uncompressed (compressing them costs more than it saves). */
const COMPRESSION_THRESHOLD_BYTES = 1024;

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A bound port, before the app is ready: `npm start` binds first, so a busy port is
 * reported at once instead of after migrating and seeding. Until `attach`, GraphQL
 * requests get 503 with Retry-After and /health answers (the process is alive; /ready
 * says whether it serves).
 */
export interface Listener {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  attach(handler: Handler): void;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number, readonly host: string) {
    super(`Port ${port} on ${host} is already in use by another program. Stop it, or choose another port: PORT=${port + 1} npm start`);
    this.name = "PortInUseError";
  }
}

const starting: Handler = (request, response) => {
  if (request.url === "/health") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"message":"alive"}');
    return;
  }
  response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2" }).end("solegraph is starting (migrating and seeding the database); try again shortly.\n");
};

/** Binds the port; the server answers "starting" until a handler is attached. */
export async function listen(port: number, host: string): Promise<Listener> {
  let handler = starting;
  const server = createServer(
    { keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS },
    (request, response) => handler(request, response),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortInUseError(port, host) : error));
    server.listen(port, host, () => {
      server.removeAllListeners("error");
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = ["0.0.0.0", "::"].includes(host) ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return {
    server,
    port: address.port,
    url: `http://${urlHost}:${address.port}/graphql`,
    attach(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Checks a port is free, then frees it again (the primary of several server processes). */
export async function checkPortFree(port: number, host: string): Promise<void> {
  const listener = await listen(port, host);
  await listener.close();
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** The token commands' socket, on the embedded database (see @solegraph/db control-channel). */
  readonly controlSocket: string | undefined;
  /** The metrics' own port, when METRICS_PORT is set. */
  readonly metricsPort: number | undefined;
  /**
   * Turns /ready to 503, waits SHUTDOWN_DELAY_MS, ends live subscriptions, stops
   * accepting connections, lets in-flight requests finish, then closes the database.
   */
  close(): Promise<void>;
}

export interface ServeOptions extends Pick<AppOptions, "onStatement" | "config" | "shared" | "webRoot" | "readinessIntervalMs"> {
  readonly db: Db;
  /** A port bound already (`listen`); else `port` and `host` are bound now. */
  readonly listener?: Listener;
  readonly port?: number;
  readonly host?: string;
  readonly logger?: Logger;
}

/** Serves the app over HTTP, compressed when the client accepts it; port 0 picks a free port (tests). */
export async function serve({
  db,
  listener,
  port = 4000,
  host = "localhost",
  logger = silentLogger,
  onStatement,
  config = DEFAULT_CONFIG,
  shared,
  webRoot,
  readinessIntervalMs,
}: ServeOptions): Promise<RunningServer> {
  const metrics = createMetrics({ db, endpoint: metricsEndpoint(config) });
  const lifecycle: Lifecycle = { draining: false };
  // The server owns the shared state it is given: closing the server closes it.
  const state = shared ?? localState();
  const readiness = createReadiness({ db, isDraining: () => lifecycle.draining, intervalMs: readinessIntervalMs, redis: () => state.redis() });
  const changes = createChangeFeed(db, logger);
  const app = createApp({ db, logger, metrics, onStatement, config, lifecycle, shared: state, changes, ...(webRoot !== undefined && { webRoot }), readiness });
  const bound = listener ?? (await listen(port, host));
  const compress = compression({ threshold: COMPRESSION_THRESHOLD_BYTES });
  bound.attach((request, response) => {
    if (isReadinessPoll(request)) return void answerReadiness(readiness, response);
    compress(request as never, response as never, () => void app(request, response));
  });
  const { server } = bound;
  let metricsServer: MetricsServer | undefined;
  if (config.metrics.enabled && config.metrics.port !== undefined) {
    metricsServer = await serveMetrics(
      { contentType: metrics.registry.contentType, render: () => metrics.registry.metrics() },
      config.metrics.port,
      config.host,
    );
  }
  const controlChannel = await openTokenChannel(db, logger);
  let closing: Promise<void> | undefined;
  return {
    url: bound.url,
    port: bound.port,
    server,
    controlSocket: controlChannel?.socketPath,
    metricsPort: metricsServer?.port,
    close() {
      closing ??= (async () => {
        // Balancers learn from /ready that this process is going, and stop sending
        // before it stops accepting (SHUTDOWN_DELAY_MS; 0 outside production).
        lifecycle.draining = true;
        if (config.shutdownDelayMs > 0) {
          logger.info(`Draining: /ready answers 503 for ${config.shutdownDelayMs} ms before the server closes`);
          await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
        }
        // Live subscriptions end, so their connections do not hold the close open.
        await changes.close();
        await state.close();
        await controlChannel?.close();
        await metricsServer?.close();
        // Requests in flight finish (their connections then close); a client that holds
        // a connection open past the drain time is cut off.
        const cutOff = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeIdleConnections();
        });
        clearTimeout(cutOff);
        // Plugins' background work (the readiness probe) stops before the database closes.
        await app.dispose();
        await db.close();
      })();
      return closing;
    },
  };
}

/**
 * The embedded database is this process's alone while it runs, so token commands reach
 * it through this server (`npm run token:create` finds the socket in the data folder).
 * A server that cannot offer the channel still serves; the commands then explain.
 */
async function openTokenChannel(db: Db, logger: Logger): Promise<ControlChannel | undefined> {
  if (db.target.kind !== "pglite") return undefined;
  try {
    return await openControlChannel(db.prisma, db.target.dataDir);
  } catch (error) {
    logger.warn(`Token commands cannot reach this server: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
