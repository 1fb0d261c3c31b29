import { readWriteGeneration, type Db } from "@solegraph/db";
import { createYoga, useReadinessCheck, type YogaServerInstance } from "graphql-yoga";
import { authenticate } from "./auth/authentication.ts";
import { DEFAULT_CONFIG, type Config } from "./config.ts";
import type { Context } from "./context.ts";
import { renderLocalGraphiQL, useGraphiQLAssets } from "./http/graphiql-assets.ts";
import { GRAPHIQL_DEFAULT_QUERY } from "./http/graphiql-example.ts";
import { createReadiness, type Readiness } from "./http/readiness.ts";
import { useCors } from "./http/use-cors.ts";
import { DEFAULT_MANIFEST, readManifest, useDocuments } from "./http/use-documents.ts";
import { WEB_ASSETS_PATH, WEB_DIST_DIR } from "./http/web-files.ts";
import { useWebPage } from "./http/use-web-page.ts";
import { usePageSecurity } from "./http/use-page-security.ts";
import { maskError } from "./http/mask-error.ts";
import { useAdmissionControl } from "./limits/use-admission-control.ts";
import { useBodyLimit } from "./limits/use-body-limit.ts";
import { useInputHygiene } from "./limits/use-input-hygiene.ts";
import { useProductionSwitches } from "./limits/use-production-switches.ts";
import { SHAPE_LIMITS, useShapeLimits } from "./limits/use-shape-limits.ts";
import { useVariableErrors } from "./limits/use-variable-errors.ts";
import { silentLogger, yogaLogger, type Logger } from "./observability/logger.ts";
import { createMetrics, type Metrics } from "./observability/metrics.ts";
import { registerRedisGauge } from "./observability/redis-gauge.ts";
import { traceOf, useRequestLog } from "./observability/use-request-log.ts";
import { createStatementRunner } from "./read/statements.ts";
import { createRowsReadEstimator } from "./limits/rows-read-estimate.ts";
import { useUploads } from "./uploads/use-uploads.ts";
import { useReadPlanner } from "./read/use-read-planner.ts";
import { getSchema } from "./schema/index.ts";
import { createChangeFeed, type ChangeFeed } from "./fleet/change-feed.ts";
import { localState, type SharedState } from "./fleet/shared-state.ts";
import { useCacheControl, useSharedResponseCache } from "./fleet/use-response-cache.ts";

/** Every limit a request meets (README: "Limits"), with the configured ones' defaults. */
export const QUERY_LIMITS = {
  ...SHAPE_LIMITS,
  maxCost: DEFAULT_CONFIG.limits.maxCost,
  maxRowsRead: DEFAULT_CONFIG.limits.maxRowsRead,
  /** Request bodies, in bytes: graphql-yoga refuses beyond it with 413, chunked bodies included. */
  maxBodyBytes: 256 * 1024,
  /** Multipart bodies (file uploads: facility lists). */
  maxUploadBytes: 64 * 1024 * 1024,
  /** A multipart request's `operations` and `map` fields, each (uploads/upload-limits.ts). */
  maxFieldBytes: 256 * 1024,
  maxFiles: 1,
  maxPathsPerFile: 1,
} as const;

export type SolegraphApp = YogaServerInstance<Record<string, never>, Context>;

export interface AppOptions {
  readonly db: Db;
  /** The environment's configuration (config.ts); the defaults when left out. */
  readonly config?: Config;
  /** Where request lines and yoga's messages go (observability/logger.ts); silent when left out. */
  readonly logger?: Logger;
  /** The metrics to count into; created here (served at /metrics unless configured otherwise) when left out. */
  readonly metrics?: Metrics;
  /** Called with every planned SQL statement and its parameters (tests, benchmarks). */
  readonly onStatement?: ((sql: string, values: readonly unknown[]) => void) | undefined;
  /** What this process shares with the fleet (fleet/shared-state.ts); its own state when left out. */
  readonly shared?: SharedState;
  /** Committed changes for live streams (fleet/change-feed.ts); created here when left out (the caller closes it). */
  readonly changes?: ChangeFeed;
  /** Set when the server is stopping: /ready answers 503 so balancers stop sending. */
  readonly lifecycle?: Lifecycle;
  /** The web page's build, served at / (http/web-files.ts); packages/web/dist when left out. */
  readonly webRoot?: string;
  /** How often /ready's background probe looks at the database (http/readiness.ts; tests shorten it). */
  readonly readinessIntervalMs?: number | undefined;
  /** /ready's state, when the caller answers polls itself too (server.ts); created here when left out. */
  readonly readiness?: Readiness;
}

export interface Lifecycle {
  draining: boolean;
}

const GRAPHQL_ENDPOINT = "/graphql";
const ASSETS_PREFIX = "/graphiql/";
/** Polled by machines: their requests are logged at debug only. */
const QUIET_PATHS = new Set(["/health", "/ready", "/metrics"]);

/** The GraphQL HTTP application: schema, GraphiQL, the web page, limits, health and readiness. */
export function createApp({
  db,
  config = DEFAULT_CONFIG,
  logger = silentLogger,
  metrics: given,
  onStatement,
  shared = localState(),
  changes = createChangeFeed(db, logger),
  lifecycle = { draining: false },
  webRoot = WEB_DIST_DIR,
  readinessIntervalMs,
  readiness = createReadiness({ db, isDraining: () => lifecycle.draining, intervalMs: readinessIntervalMs, redis: () => shared.redis() }),
}: AppOptions): SolegraphApp {
  const metrics = given ?? createMetrics({ db, endpoint: metricsEndpoint(config) });
  registerRedisGauge(metrics.registry, shared);
  const statements = createStatementRunner(db.pool, {
    timeoutMs: config.limits.queryTimeoutMs,
    maxResponseBytes: config.limits.maxResponseBytes,
    onStatement: (text, values) => {
      metrics.statementSent();
      onStatement?.(text, values);
    },
  });
  const rowsReadEstimator = createRowsReadEstimator(db.pool);
  return createYoga<Record<string, never>, Context>({
    schema: getSchema(),
    context: async ({ request }) => ({
      prisma: db.prisma,
      pool: db.pool,
      authentication: await authenticate(db.prisma, request.headers.get("authorization")),
      limits: config.limits,
      trace: traceOf(request),
      changes,
    }),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: "/health",
    landingPage: false,
    // Ours (limits/use-body-limit.ts): one limit for queries, another for uploads.
    maxRequestBodySize: false,
    logging: yogaLogger(logger),
    // Never the original message or stack of our own faults, whatever NODE_ENV says.
    maskedErrors: { maskError, isDev: false },
    graphiql: config.graphiql ? { title: "solegraph", defaultQuery: GRAPHIQL_DEFAULT_QUERY } : false,
    renderGraphiQL: renderLocalGraphiQL,
    // Cross-origin reads: http/use-cors.ts.
    cors: false,
    plugins: [
      useRequestLog({
        logger,
        quietPaths: (path) => QUIET_PATHS.has(path) || path.startsWith(ASSETS_PREFIX) || path.startsWith(WEB_ASSETS_PATH),
        onFinished: (trace) => metrics.requestFinished(trace),
        cacheEnabled: config.responseCache.enabled,
      }),
      useWebPage({ root: webRoot, graphiql: config.graphiql, endpoint: GRAPHQL_ENDPOINT }),
      usePageSecurity({ trustProxy: config.trustProxy }),
      useCors(config.corsOrigins),
      useAdmissionControl({ maxInFlight: config.limits.maxInFlight, endpoint: GRAPHQL_ENDPOINT }),
      // Uploads: who before what (from the headers), then streamed to disk within the limits.
      useUploads(db.prisma, QUERY_LIMITS),
      useBodyLimit(QUERY_LIMITS),
      // Before the response cache: a hash becomes its document first.
      useDocuments(config.documents.mode, readManifest(config.documents.manifest ?? DEFAULT_MANIFEST)),
      useInputHygiene(),
      metrics.plugin,
      // Variables that do not fit their types end execution before the planner and the cache see it.
      useVariableErrors(),
      useReadPlanner(statements, { maxCost: config.limits.maxCost, maxRowsRead: config.limits.maxRowsRead, estimator: rowsReadEstimator }),
      // After the planner: the cache's execute wraps the planner's (hits never reach either).
      // Keyed by the write generation PostgreSQL keeps; unreadable, nothing is cached.
      ...(config.responseCache.enabled ? [useSharedResponseCache(shared, () => readWriteGeneration(db.pool).catch(() => undefined), config.responseCache.ttlMs), useCacheControl()] : []),
      useGraphiQLAssets(),
      ...useShapeLimits(),
      useProductionSwitches(config),
      // Ready: not stopping, the database answers, and it has every migration this
      // version knows; from state a background probe keeps fresh (http/readiness.ts).
      // Redis is in the detail only: without it the server answers, so it stays ready.
      useReadinessCheck({
        endpoint: "/ready",
        check: async () => {
          const ready = await readiness.isReady();
          return new Response(readiness.body(ready), { status: ready ? 200 : 503, headers: { "content-type": "application/json", "cache-control": "no-store" } });
        },
      }),
      { onDispose: () => readiness.stop() },
    ],
  });
}

/** Where the app serves metrics: /metrics, unless they are off or on a port of their own. */
export function metricsEndpoint(config: Config): string | false {
  return config.metrics.enabled && config.metrics.port === undefined ? "/metrics" : false;
}
