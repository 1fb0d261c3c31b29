import { afterAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../src/config.ts";
import { startTestServer, type TestServer } from "../src/testing/index.ts";

// What a load balancer relies on: /ready, keep-alive longer than its own, and a stop
// that first turns /ready to 503 and keeps serving while the balancer notices.
describe("readiness for load balancers", () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.allSettled(servers.map((server) => server.close()));
  });
  // A short probe interval, so a change reaches /ready within the test's patience.
  const PROBE_MS = 100;
  const start = async (env: Record<string, string> = {}) => {
    const server = await startTestServer({ config: loadConfig({ HOST: "127.0.0.1", ...env }), readinessIntervalMs: PROBE_MS });
    servers.push(server);
    return server;
  };
  const ready = async (server: TestServer) => (await fetch(new URL("/ready", server.url))).status;

  it("keeps idle connections longer than balancers do (65 s), with headersTimeout above it", async () => {
    const server = await start();
    expect(server.server.keepAliveTimeout).toBe(65_000);
    expect(server.server.headersTimeout).toBeGreaterThan(server.server.keepAliveTimeout);
  });

  it("answers /ready 503 while draining after SIGTERM, and still serves requests meanwhile", async () => {
    const server = await start({ SHUTDOWN_DELAY_MS: "1500" });
    expect(await ready(server)).toBe(200);
    const closed = server.close();
    expect(await ready(server)).toBe(503);
    const answered = await server.graphql<{ brands: { totalCount: number } }>("{ brands { totalCount } }");
    expect(answered.status).toBe(200);
    expect(answered.data?.brands.totalCount).toBeGreaterThan(0);
    await closed;
    await expect(fetch(new URL("/ready", server.url))).rejects.toThrow();
  });

  it("is not ready on a database that lacks one of this version's migrations (seen by the next probe)", async () => {
    const server = await start();
    expect(await ready(server)).toBe(200);
    await server.db.sql.query(
      `DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`,
    );
    await vi.waitFor(async () => expect(await ready(server)).toBe(503), { timeout: 20 * PROBE_MS, interval: PROBE_MS / 2 });
    expect((await fetch(new URL("/health", server.url))).status).toBe(200);
  });

  it("answers from state, not a query per call, and turns 503 once the database stops answering", async () => {
    const server = await start();
    expect(await ready(server)).toBe(200);
    const query = vi.spyOn(server.db.sql, "query");
    // Each probe is `SELECT 1`, then the migration level (two statements: is the history
    // table there, which migrations it holds): counting the probes themselves keeps the
    // bound exact whatever the machine's load.
    const levels = vi.spyOn(server.db, "isUpToDate");
    try {
      // 200 calls at once: only the probe's statements reach the database, and the probe
      // runs at most once per interval (plus one already under way when the calls began).
      const started = performance.now();
      const answers = await Promise.all(Array.from({ length: 200 }, () => ready(server)));
      const intervals = Math.ceil((performance.now() - started) / PROBE_MS) + 1;
      expect(new Set(answers)).toEqual(new Set([200]));
      expect(levels.mock.calls.length).toBeLessThanOrEqual(intervals);
      // A probe's three statements; the last may have sent its `SELECT 1` only.
      expect(query.mock.calls.length).toBeLessThanOrEqual(3 * levels.mock.calls.length + 1);
      // The database unreachable: every statement fails as a refused connection does.
      query.mockRejectedValue(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
      await vi.waitFor(async () => expect(await ready(server)).toBe(503), { timeout: 20 * PROBE_MS, interval: PROBE_MS / 2 });
      expect((await fetch(new URL("/health", server.url))).status).toBe(200);
      // Back: ready again.
      query.mockRestore();
      await vi.waitFor(async () => expect(await ready(server)).toBe(200), { timeout: 20 * PROBE_MS, interval: PROBE_MS / 2 });
    } finally {
      query.mockRestore();
      levels.mockRestore();
    }
  });
});
