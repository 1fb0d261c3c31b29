import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { Db } from "@solegraph/db";
import { createYoga, useReadinessCheck, type YogaServerInstance } from "graphql-yoga";
import { authenticate } from "./auth/authentication.ts";
import type { Context } from "./context.ts";
import { renderLocalGraphiQL, useGraphiQLAssets } from "./http/graphiql-assets.ts";
import { GRAPHIQL_DEFAULT_QUERY } from "./http/graphiql-example.ts";
import { maskError } from "./http/mask-error.ts";
import { createMetrics } from "./observability/metrics.ts";
import { createStatementRunner } from "./read/statements.ts";
import { useReadPlanner } from "./read/use-read-planner.ts";
import { getSchema } from "./schema/index.ts";

/**
 * Limits on a query's shape (README: "Limits"); graphql-armor rejects beyond them
 * before execution. Cost is about the number of fields the query could return: each
 * field costs 1 (an object 2), times the `first`/`last` page sizes written on the
 * lists above it. Depth is bounded separately, so depth adds no cost factor.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 30,
  maxTokens: 5000,
  maxCost: 100_000,
  /** Request bodies, in bytes: graphql-yoga refuses beyond it with 413, chunked bodies included. */
  maxBodyBytes: 256 * 1024,
} as const;

export type SolegraphApp = YogaServerInstance<Record<string, never>, Context>;

export interface AppOptions {
  readonly db: Db;
  /** Log to the console (off in tests). */
  readonly logging?: boolean;
  /** Called with every planned SQL statement and its parameters (tests, benchmarks). */
  readonly onStatement?: ((sql: string, values: readonly unknown[]) => void) | undefined;
}

/** The GraphQL HTTP application: schema, GraphiQL, limits, health and readiness. */
export function createApp({ db, logging = true, onStatement }: AppOptions): SolegraphApp {
  const metrics = createMetrics({ db });
  const statements = createStatementRunner(db.pool, {
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
    }),
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/health",
    landingPage: false,
    maxRequestBodySize: QUERY_LIMITS.maxBodyBytes,
    logging,
    maskedErrors: { maskError },
    graphiql: { title: "solegraph", defaultQuery: GRAPHIQL_DEFAULT_QUERY },
    renderGraphiQL: renderLocalGraphiQL,
    plugins: [
      metrics.plugin,
      useReadPlanner(statements),
      useGraphiQLAssets(),
      maxTokensPlugin({ n: QUERY_LIMITS.maxTokens }),
      maxDepthPlugin({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true }),
      maxAliasesPlugin({ n: QUERY_LIMITS.maxAliases }),
      maxDirectivesPlugin({ n: QUERY_LIMITS.maxDirectives }),
      costLimitPlugin({ maxCost: QUERY_LIMITS.maxCost, depthCostFactor: 1, ignoreIntrospection: true }),
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
