import type { Db } from "@solegraph/db";
import { createYoga, useReadinessCheck, type YogaServerInstance } from "graphql-yoga";
import { authenticate } from "./auth/authentication.ts";
import { DEFAULT_CONFIG, type Config } from "./config.ts";
import type { Context } from "./context.ts";
import { renderLocalGraphiQL, useGraphiQLAssets } from "./http/graphiql-assets.ts";
import { GRAPHIQL_DEFAULT_QUERY } from "./http/graphiql-example.ts";
import { useCors } from "./http/use-cors.ts";
import { useRootPage } from "./http/use-root-page.ts";
import { maskError } from "./http/mask-error.ts";
import { useAdmissionControl } from "./limits/use-admission-control.ts";
import { useBodyLimit } from "./limits/use-body-limit.ts";
import { useInputHygiene } from "./limits/use-input-hygiene.ts";
import { useProductionSwitches } from "./limits/use-production-switches.ts";
import { SHAPE_LIMITS, useShapeLimits } from "./limits/use-shape-limits.ts";
import { useVariableErrors } from "./limits/use-variable-errors.ts";
import { silentLogger, yogaLogger, type Logger } from "./observability/logger.ts";
import { createMetrics, type Metrics } from "./observability/metrics.ts";
import { traceOf, useRequestLog } from "./observability/use-request-log.ts";
import { createStatementRunner } from "./read/statements.ts";
import { useReadPlanner } from "./read/use-read-planner.ts";
import { getSchema } from "./schema/index.ts";

/** Every limit a request meets (README: "Limits"), with the configured ones' defaults. */
export const QUERY_LIMITS = {
  ...SHAPE_LIMITS,
  maxCost: DEFAULT_CONFIG.limits.maxCost,
  /** Request bodies, in bytes: graphql-yoga refuses beyond it with 413, chunked bodies included. */
  maxBodyBytes: 256 * 1024,
  /** Multipart bodies (file uploads: facility lists). */
  maxUploadBytes: 64 * 1024 * 1024,
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
}

const GRAPHQL_ENDPOINT = "/graphql";
const ASSETS_PREFIX = "/graphiql/";
/** Polled by machines: their requests are logged at debug only. */
const QUIET_PATHS = new Set(["/health", "/ready", "/metrics"]);

/** The GraphQL HTTP application: schema, GraphiQL, limits, health and readiness. */
export function createApp({ db, config = DEFAULT_CONFIG, logger = silentLogger, metrics: given, onStatement }: AppOptions): SolegraphApp {
  const metrics = given ?? createMetrics({ db, endpoint: metricsEndpoint(config) });
  const statements = createStatementRunner(db.pool, {
    timeoutMs: config.limits.queryTimeoutMs,
    maxResponseBytes: config.limits.maxResponseBytes,
    onStatement: (text, values) => {
      metrics.statementSent();
      onStatement?.(text, values);
    },
  });
  return createYoga<Record<string, never>, Context>({
    schema: getSchema(),
    context: async ({ request }) => ({
      prisma: db.prisma,
      pool: db.pool,
      authentication: await authenticate(db.prisma, request.headers.get("authorization")),
      limits: config.limits,
      trace: traceOf(request),
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
        quietPaths: (path) => QUIET_PATHS.has(path) || path.startsWith(ASSETS_PREFIX),
        onFinished: (trace) => metrics.requestFinished(trace),
      }),
      useRootPage(config.graphiql),
      useCors(config.corsOrigins),
      useAdmissionControl({ maxInFlight: config.limits.maxInFlight, endpoint: GRAPHQL_ENDPOINT }),
      useBodyLimit(QUERY_LIMITS),
      useInputHygiene(),
      metrics.plugin,
      useReadPlanner(statements, config.limits.maxCost),
      useVariableErrors(),
      useGraphiQLAssets(),
      ...useShapeLimits(),
      useProductionSwitches(config),
      useReadinessCheck({
        endpoint: "/ready",
        check: async () => {
          try {
            await db.sql.query("SELECT 1");
            return true;
          } catch {
            return false;
          }
        },
      }),
    ],
  });
}

/** Where the app serves metrics: /metrics, unless they are off or on a port of their own. */
export function metricsEndpoint(config: Config): string | false {
  return config.metrics.enabled && config.metrics.port === undefined ? "/metrics" : false;
}
