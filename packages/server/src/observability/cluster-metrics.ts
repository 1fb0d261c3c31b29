import cluster, { type Worker } from "node:cluster";
import type { Plugin } from "graphql-yoga";
import { AggregatorRegistry, type Registry, type RegistryContentType } from "prom-client";

/**
 * Metrics across server processes (main.ts runs several on PostgreSQL). A request
 * for /metrics reaches one process, so that process asks the primary, which collects
 * every process's registry (prom-client's AggregatorRegistry) and answers with the sum.
 */
const REQUEST = "solegraph:metrics-request";
const RESPONSE = "solegraph:metrics-response";

interface MetricsMessage {
  readonly type: string;
  readonly id: number;
  readonly text?: string;
  readonly error?: string;
}

/** In the primary: answers the workers' metrics requests; returns the aggregate (for METRICS_PORT). */
export function serveClusterMetrics(): AggregatorRegistry<RegistryContentType> {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker: Worker, message: MetricsMessage) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: RESPONSE, id: message.id, text }),
      (error: unknown) => worker.send({ type: RESPONSE, id: message.id, error: String(error) }),
    );
  });
  return aggregator;
}

/**
 * In a worker: its registry joins the aggregate, and the endpoint (unless false: the
 * metrics are off or served by the primary on METRICS_PORT) answers with the aggregate.
 */
export function useClusterMetricsEndpoint(registry: Registry, endpoint: string | false): Plugin {
  AggregatorRegistry.setRegistries([registry]);
  // prom-client starts answering the primary's collection requests when an
  // AggregatorRegistry is constructed, in workers too.
  new AggregatorRegistry();
  let next = 0;
  const pending = new Map<number, (message: MetricsMessage) => void>();
  process.on("message", (message: MetricsMessage) => {
    if (message?.type === RESPONSE) pending.get(message.id)?.(message);
  });
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (endpoint === false || url.pathname !== endpoint) return;
      const id = next++;
      const message = await new Promise<MetricsMessage>((resolve) => {
        pending.set(id, resolve);
        process.send?.({ type: REQUEST, id });
      });
      pending.delete(id);
      endResponse(
        message.text === undefined
          ? new fetchAPI.Response(`metrics unavailable: ${message.error}`, { status: 503 })
          : new fetchAPI.Response(message.text, { headers: { "content-type": registry.contentType } }),
      );
    },
  };
}
