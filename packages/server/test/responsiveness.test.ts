import { generateDataset, testDatabaseKind } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { startTestServer, type TestServer } from "../src/testing/index.ts";
import { withinMs } from "./support/latency.ts";

// The embedded database runs on its own thread (db/src/embedded): while it works on
// heavy queries, the server's event loop still answers at once.
describe.runIf(testDatabaseKind === "pglite")("the server while the embedded database is busy", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The cache off: the heavy queries must really run (a cached answer costs nothing).
    server = await startTestServer({ config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off" }) });
    await generateDataset(server.db.prisma, 80);
  });
  afterAll(() => server?.close());

  const heavy = /* GraphQL */ `{
    models(first: 100) { totalCount edges { node { name
      madeIn { country { code } status basis } madeInUsa { status basis volumeShare sources { source { slug } } supportingClaims { statement } }
      brand { productionByCountry { countries { countryCode productionCount volumeShare } } }
      productions(first: 10) { edges { node { labelClaim factory { name processSteps { slug } productions(first: 10) { totalCount } } route { step { name } } } } }
    } } }
  }`;

  it("answers /health within 100 ms while heavy queries run", async () => {
    const origin = new URL(server.url).origin;
    const started = performance.now();
    const queries = Array.from({ length: 6 }, () => server.graphql(heavy));
    let busy = true;
    void Promise.all(queries).finally(() => (busy = false));
    const latencies: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 50));
    while (busy) {
      const before = performance.now();
      const response = await fetch(`${origin}/health`);
      expect(response.status).toBe(200);
      if (busy) latencies.push(performance.now() - before);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answers = await Promise.all(queries);
    for (const { errors } of answers) expect(errors).toBeUndefined();
    const elapsed = performance.now() - started;
    // The database was busy long enough to matter, and /health was asked throughout.
    expect(elapsed).toBeGreaterThan(300);
    expect(latencies.length).toBeGreaterThan(3);
    // Nearly every check within 100 ms, none stuck (see support/latency.ts).
    expect(withinMs(latencies, 100)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });
});
