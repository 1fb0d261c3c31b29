import cluster from "node:cluster";
import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import type { Db } from "@solegraph/db";
import type { Plugin } from "graphql-yoga";
import { Counter, Gauge, collectDefaultMetrics, Registry } from "prom-client";
import { useClusterMetricsEndpoint } from "./cluster-metrics.ts";
import type { RequestTrace } from "./use-request-log.ts";

/**
 * Prometheus metrics, one registry per app (tests run several apps in one process):
 * graphql-yoga's request, phase and error metrics by operation, the process's own
 * (CPU, memory, event loop lag), and ours: SQL statements sent, database pool use,
 * errors by code (from the request log's trace).
 */
export interface Metrics {
  readonly registry: Registry;
  readonly plugin: Plugin;
  /** Counts one statement of the read planner. */
  statementSent(): void;
  /** Counts a finished request's error codes. */
  requestFinished(trace: RequestTrace): void;
}

export interface MetricsOptions {
  readonly db: Db;
  /** Path that serves the metrics on the app, or false to serve them elsewhere (or not at all). */
  readonly endpoint?: string | false;
}

export function createMetrics({ db, endpoint = "/metrics" }: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const statements = new Counter({
    name: "solegraph_sql_statements_total",
    help: "SQL statements the read planner sent (one per query operation).",
    registers: [registry],
  });
  const errors = new Counter({
    name: "solegraph_graphql_errors_total",
    help: "Errors in GraphQL answers, by code (BAD_USER_INPUT, QUERY_TOO_COSTLY, INTERNAL_SERVER_ERROR, ...).",
    labelNames: ["code"],
    registers: [registry],
  });
  const cacheAnswers = new Counter({
    name: "solegraph_response_cache_requests_total",
    help: "Public queries by whether the response cache answered them (hit) or the database did (miss).",
    labelNames: ["result"],
    registers: [registry],
  });
  new Gauge({
    name: "solegraph_db_pool_connections",
    help: "Database pool connections by state.",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      this.set({ state: "total" }, db.pool.totalCount);
      this.set({ state: "idle" }, db.pool.idleCount);
      this.set({ state: "waiting" }, db.pool.waitingCount);
    },
  });
  // In a server process of several, /metrics answers for all of them (cluster-metrics.ts).
  const clustered = cluster.isWorker;
  const prometheus = usePrometheus({
      registry,
      endpoint: clustered ? false : endpoint,
      metrics: {
        graphql_envelop_request_duration: true,
        graphql_envelop_error_result: true,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_deprecated_field: false,
        graphql_envelop_schema_change: false,
      },
    });
  return {
    registry,
    statementSent: () => statements.inc(),
    requestFinished: (trace) => {
      for (const code of trace.errorCodes) errors.inc({ code });
      if (trace.cache) cacheAnswers.inc({ result: trace.cache });
    },
    plugin: clustered ? { onPluginInit: ({ addPlugin }) => (addPlugin(prometheus), addPlugin(useClusterMetricsEndpoint(registry, endpoint))) } : prometheus,
  };
}
