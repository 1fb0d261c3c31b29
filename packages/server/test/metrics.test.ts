import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createTestApp, startTestServer, type TestApp, type TestServer } from "../src/testing/index.ts";

/** The value of one sample line of Prometheus text, e.g. `name{label="x"} 3`. */
function sample(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((entry) => entry.startsWith(`${name}${labels} `) || (labels === "" && entry.startsWith(`${name}{`)));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe("Prometheus metrics", () => {
  let graph: TestApp;
  let off: TestApp;
  let ownPort: TestServer;
  beforeAll(async () => {
    graph = await createTestApp();
    // The same data behind differently configured apps: one database for the three.
    off = await createTestApp({ config: loadConfig({ SOLEGRAPH_METRICS: "off" }), db: graph.db });
    ownPort = await startTestServer({ config: loadConfig({ METRICS_PORT: "0", HOST: "127.0.0.1" }), db: graph.db });
  });
  afterAll(async () => {
    // The database's owner last.
    await Promise.all([off?.close(), ownPort?.close()]);
    await graph?.close();
  });

  it("count requests and durations by operation, errors by code, SQL statements and pool use", async () => {
    await graph.graphql("query Brands { brands(first: 1) { totalCount } }");
    await graph.graphql('{ brands(after: "R1BDOlM6YWJj") { totalCount } }');
    await graph.graphql("{ brands(first: 1) { nope } }");
    const response = await graph.fetch("http://localhost/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(sample(text, "graphql_envelop_request_duration_count", '{operationName="Brands",operationType="query"}')).toBe(1);
    expect(sample(text, "solegraph_graphql_errors_total", '{code="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(text, "solegraph_graphql_errors_total", '{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, "solegraph_sql_statements_total")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "solegraph_db_pool_connections", '{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain("process_cpu_seconds_total");
  });

  it("can be switched off", async () => {
    const response = await off.fetch("http://localhost/metrics");
    expect(response.status).toBe(404);
  });

  it("can be served on a port of their own, and then not on the GraphQL port", async () => {
    await ownPort.graphql("query Brands { brands(first: 1) { totalCount } }");
    expect(ownPort.metricsPort).toBeGreaterThan(0);
    const own = await fetch(`http://127.0.0.1:${ownPort.metricsPort}/metrics`);
    expect(own.status).toBe(200);
    expect(sample(await own.text(), "graphql_envelop_request_duration_count", '{operationName="Brands",operationType="query"}')).toBe(1);
    expect((await fetch(new URL("/metrics", ownPort.url))).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${ownPort.metricsPort}/graphql`)).status).toBe(404);
  });
});
