import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisState, type SharedState } from "../../src/fleet/shared-state.ts";
import { RedisCircuit } from "../../src/fleet/redis-circuit.ts";
import { silentLogger, type Logger } from "../../src/observability/logger.ts";
import { createTestApp, type TestApp } from "../../src/testing/index.ts";
import { testRedis, type TestRedis } from "./support/redis-server.ts";

const runnable = (() => {
  try {
    execFileSync("redis-server", ["--version"]);
    return true;
  } catch {
    return false;
  }
})();
if (!runnable && process.env["SOLEGRAPH_REQUIRE_FLEET"] === "1") throw new Error("The Redis fault tests need redis-server (apt-get install redis-server).");

const QUERY = "{ brands(first: 3) { totalCount edges { node { slug } } } }";

describe.runIf(runnable)("Redis faults cost speed, never answers (issue 25, findings 2-4)", () => {
  let redis: TestRedis;
  let shared: SharedState;
  let graph: TestApp;
  let authorization: string;
  const warnings: string[] = [];
  const logger: Logger = Object.assign(Object.create(silentLogger) as Logger, {
    warn: (...args: unknown[]) => void warnings.push(String(args.at(-1))),
  });

  beforeAll(async () => {
    redis = await testRedis();
    await redis.start();
    // A short retry, so the test sees the circuit close by itself.
    shared = await redisState(redis.url, logger, new RedisCircuit(logger, 200, 300));
    graph = await createTestApp({ shared, logger });
    ({ authorization } = await graph.createToken("redis-fault-curator"));
  });
  afterAll(async () => {
    await graph?.close();
    await shared?.close();
    await redis?.kill();
  });

  const get = (headers: Record<string, string> = {}) => graph.fetch(`${graph.url}?query=${encodeURIComponent(QUERY)}`, { headers });
  const ready = async () => (await (await graph.fetch(new URL("/ready", graph.url).toString())).json()) as { ready: boolean; redis: string };
  const createBrand = (slug: string) => graph.graphql(`mutation { createBrand(input: { slug: "${slug}", name: "${slug}" }) { __typename } }`, {}, { authorization });

  it("answers every read and write while Redis is down, stays ready and says so, and takes the cache back when it returns", async () => {
    expect((await get()).status).toBe(200);
    await redis.kill();
    for (let i = 0; i < 20; i++) expect((await get()).status).toBe(200);
    expect((await createBrand("fictional-while-redis-down")).data).toEqual({ createBrand: { __typename: "CreateBrandPayload" } });
    expect(await ready()).toEqual({ ready: true, redis: "down" });
    expect(await (await graph.fetch(new URL("/metrics", graph.url).toString())).text()).toMatch(/solegraph_redis_available 0/);
    expect(warnings.filter((line) => /Redis is unreachable or slow/.test(line))).toHaveLength(1);
    await redis.start();
    const deadline = Date.now() + 10_000;
    while ((await ready()).redis !== "up" && Date.now() < deadline) {
      await get();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await ready()).redis).toBe("up");
  });

  it("answers within a second each while Redis hangs (SIGSTOP), mutations included", async () => {
    redis.pause();
    try {
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        expect((await get()).status).toBe(200);
        expect(performance.now() - started).toBeLessThan(1_000);
      }
      const started = performance.now();
      expect((await createBrand("fictional-while-redis-hangs")).data).toEqual({ createBrand: { __typename: "CreateBrandPayload" } });
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      redis.resume();
    }
  });

  it("never answers an old ETag with 304 after a Redis restart lost the cache, nor serves a stale hit", async () => {
    // Wait for the circuit to close again after the pause.
    const deadline = Date.now() + 10_000;
    while ((await ready()).redis !== "up" && Date.now() < deadline) {
      await get();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await get();
    const before = await get();
    const etag = before.headers.get("etag")!;
    const countBefore = ((await before.json()) as { data: { brands: { totalCount: number } } }).data.brands.totalCount;
    expect(etag).toBeTruthy();
    expect((await get({ "if-none-match": etag })).status).toBe(304);
    await redis.kill();
    await redis.start();
    await createBrand("aaa-fictional-after-restart");
    const conditional = await get({ "if-none-match": etag });
    expect(conditional.status).toBe(200);
    expect(((await conditional.json()) as { data: { brands: { totalCount: number } } }).data.brands.totalCount).toBe(countBefore + 1);
    // And a plain read is today's answer, not one a restarted Redis could hold from before.
    expect(((await (await get()).json()) as { data: { brands: { totalCount: number } } }).data.brands.totalCount).toBe(countBefore + 1);
  });
});
