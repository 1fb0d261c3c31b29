import { generateDataset } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { startTestServer, type TestServer } from "../src/testing/index.ts";
import { withinMs } from "./support/latency.ts";
import { loadFromAnotherProcess } from "./support/load.ts";

// Admission control: beyond SOLEGRAPH_MAX_IN_FLIGHT requests at once, the server
// answers 503 with Retry-After at once, and keeps answering /health and /ready.
describe("the server under overload", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The cache off: repeated heavy queries must reach the database (from the cache they
    // are answered at once, and the overload ends before it began).
    server = await startTestServer({ config: loadConfig({ SOLEGRAPH_MAX_IN_FLIGHT: "4", SOLEGRAPH_RESPONSE_CACHE: "off" }) });
    await generateDataset(server.db.prisma, 30);
  });
  afterAll(() => server?.close());

  const heavy = JSON.stringify({
    query: `{ models(first: 100) { edges { node { name madeInUsa { status sources { source { slug } } }
      productions(first: 10) { edges { node { factory { processSteps { slug } productions(first: 20) { totalCount } } route { step { name } } } } } } } } }`,
  });

  it("sheds what it cannot take with 503 and Retry-After, and answers health checks meanwhile", async () => {
    const origin = new URL(server.url).origin;
    let done = false;
    const load = loadFromAnotherProcess(server.url, 240, heavy).finally(() => (done = true));
    const health: number[] = [];
    while (!done) {
      for (const path of ["/health", "/ready"]) {
        const started = performance.now();
        expect((await fetch(`${origin}${path}`)).status).toBe(200);
        if (!done) health.push(performance.now() - started);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { statuses, refusals } = await load;
    expect(statuses["503"]).toBeGreaterThan(0);
    expect(statuses["200"]).toBeGreaterThanOrEqual(4);
    expect((statuses["200"] ?? 0) + (statuses["503"] ?? 0)).toBe(240);
    expect(refusals.every((r) => r.retryAfter === "1" && r.code === "SERVER_BUSY")).toBe(true);
    // Nearly every check within 100 ms, none stuck (see support/latency.ts). The bound on
    // the slowest is loose: on this 2-core box other processes steal whole time slices.
    expect(health.length).toBeGreaterThan(20);
    expect(withinMs(health, 100)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...health)).toBeLessThan(3_000);
  });
});
