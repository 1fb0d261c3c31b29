import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Something that can render Prometheus text: a registry, or the cluster's aggregate. */
export interface MetricsSource {
  readonly contentType: string;
  /** The registry's text (Registry.metrics) or the aggregate's (AggregatorRegistry.clusterMetrics). */
  render(): Promise<string>;
}

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Metrics on a port of their own (METRICS_PORT): scrapers reach them on the private
 * network while the GraphQL port faces a public balancer. Answers GET /metrics only.
 */
export async function serveMetrics(source: MetricsSource, port: number, host: string): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== "GET" || new URL(request.url ?? "/", "http://metrics").pathname !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Metrics are at GET /metrics.\n");
      return;
    }
    source.render().then(
      (text) => response.writeHead(200, { "content-type": source.contentType }).end(text),
      (error: unknown) => response.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end(`metrics unavailable: ${String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
