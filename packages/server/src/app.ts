import type { Db } from "@solegraph/db";
import { createYoga, useReadinessCheck, type YogaServerInstance } from "graphql-yoga";
import { authenticate } from "./auth/authentication.ts";
import { DEFAULT_CONFIG, type Config } from "./config.ts";
import type { Context } from "./context.ts";
import { renderLocalGraphiQL, useGraphiQLAssets } from "./http/graphiql-assets.ts";
import { GRAPHIQL_DEFAULT_QUERY } from "./http/graphiql-example.ts";
import { useCors } from "./http/use-cors.ts";
import { maskError } from "./http/mask-error.ts";
import { useAdmissionControl } from "./limits/use-admission-control.ts";
import { useInputHygiene } from "./limits/use-input-hygiene.ts";
import { useProductionSwitches } from "./limits/use-production-switches.ts";
import { SHAPE_LIMITS, useShapeLimits } from "./limits/use-shape-limits.ts";
import { useVariableErrors } from "./limits/use-variable-errors.ts";
import { createMetrics } from "./observability/metrics.ts";
import { createStatementRunner } from "./read/statements.ts";
import { useReadPlanner } from "./read/use-read-planner.ts";
import { getSchema } from "./schema/index.ts";

/** Every limit a request meets (README: "Limits"), with the configured ones' defaults. */
export const QUERY_LIMITS = {
  ...SHAPE_LIMITS,
  maxCost: DEFAULT_CONFIG.limits.maxCost,
  /** Request bodies, in bytes: graphql-yoga refuses beyond it with 413, chunked bodies included. */
  maxBodyBytes: 256 * 1024,
} as const;

export type SolegraphApp = YogaServerInstance<Record<string, never>, Context>;

export interface AppOptions {
  readonly db: Db;
  /** The environment's configuration (config.ts); the defaults when left out. */
  readonly config?: Config;
  /** Log to the console (off in tests). */
  readonly logging?: boolean;
  /** Called with every planned SQL statement and its parameters (tests, benchmarks). */
  readonly onStatement?: ((sql: string, values: readonly unknown[]) => void) | undefined;
}

const GRAPHQL_ENDPOINT = "/graphql";

/** The GraphQL HTTP application: schema, GraphiQL, limits, health and readiness. */
export function createApp({ db, config = DEFAULT_CONFIG, logging = true, onStatement }: AppOptions): SolegraphApp {
  const metrics = createMetrics({ db });
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
      authentication: await authenticate(db.prisma, request.headers.get("authorization")),
      limits: config.limits,
    }),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: "/health",
    landingPage: false,
    maxRequestBodySize: QUERY_LIMITS.maxBodyBytes,
    logging,
    // Never the original message or stack of our own faults, whatever NODE_ENV says.
    maskedErrors: { maskError, isDev: false },
    graphiql: config.graphiql ? { title: "solegraph", defaultQuery: GRAPHIQL_DEFAULT_QUERY } : false,
    renderGraphiQL: renderLocalGraphiQL,
    // Cross-origin reads: http/use-cors.ts.
    cors: false,
    plugins: [
      useCors(config.corsOrigins),
      useAdmissionControl({ maxInFlight: config.limits.maxInFlight, endpoint: GRAPHQL_ENDPOINT }),
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
