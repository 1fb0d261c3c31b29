import { revokeApiToken, TokenScope } from "@solegraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChangeFeed, STREAM_LIMITS } from "../../src/fleet/change-feed.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/observability/logger.ts";
import { startTestServer, type TestServer } from "../../src/testing/index.ts";
import { readEventStream } from "../support/event-stream.ts";

const SUBSCRIPTION = "subscription { changes { action entityType entityId } }";

describe("change streams follow their token, are capped, and cost one read per write (issue 25, findings 7 and 9)", () => {
  let server: TestServer;
  const queries: string[] = [];
  const controllers: AbortController[] = [];
  beforeAll(async () => {
    server = await startTestServer({ onQuery: (sql) => queries.push(sql) });
  });
  afterAll(async () => {
    for (const controller of controllers) controller.abort();
    await server?.close();
  });

  const subscribe = async (authorization: string) => {
    const controller = new AbortController();
    controllers.push(controller);
    const response = await fetch(server.url, {
      method: "POST",
      signal: controller.signal,
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    return { response, controller };
  };
  const createBrand = (slug: string, authorization: string) =>
    server.graphql(`mutation { createBrand(input: { slug: "${slug}", name: "${slug}" }) { __typename } }`, {}, { authorization });

  it("ends a token's open streams within a second of its revocation", async () => {
    const { authorization } = await server.createToken("stream-revoked", [TokenScope.ADMIN]);
    const { response } = await subscribe(authorization);
    expect(response.status).toBe(200);
    const events = readEventStream(response, () => false, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const revoked = performance.now();
    await revokeApiToken(server.db.prisma, "stream-revoked");
    await events.settled;
    expect(performance.now() - revoked).toBeLessThan(1_500);
  });

  it("refuses a token's stream past the cap with TOO_MANY_STREAMS", async () => {
    const { authorization } = await server.createToken("stream-greedy", [TokenScope.ADMIN]);
    for (let i = 0; i < STREAM_LIMITS.perToken; i++) expect((await subscribe(authorization)).response.status).toBe(200);
    const refused = await subscribe(authorization);
    expect(await refused.response.text()).toContain('"code":"TOO_MANY_STREAMS"');
  });

  it("refuses streams past the process's cap with TOO_MANY_STREAMS", async () => {
    const feed = createChangeFeed(server.db, silentLogger, { perToken: 10, perProcess: 2 });
    try {
      feed.open(1);
      feed.open(2);
      expect(() => feed.open(3)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "TOO_MANY_STREAMS" }) }));
    } finally {
      await feed.close();
    }
  });

  it("opens many streams at once without shedding them as in-flight requests", async () => {
    const small = await startTestServer({ config: loadConfig({ SOLEGRAPH_MAX_IN_FLIGHT: "2" }) });
    try {
      const tokens = await Promise.all([0, 1].map((i) => small.createToken(`stream-burst-${i}`, [TokenScope.ADMIN])));
      const controller = new AbortController();
      controllers.push(controller);
      const opened = await Promise.all(
        Array.from({ length: 2 * STREAM_LIMITS.perToken }, (_, i) =>
          fetch(small.url, {
            method: "POST",
            signal: controller.signal,
            headers: { "content-type": "application/json", accept: "text/event-stream", authorization: tokens[i % 2]!.authorization },
            body: JSON.stringify({ query: SUBSCRIPTION }),
          }),
        ),
      );
      expect(opened.map((response) => response.status)).toEqual(opened.map(() => 200));
      controller.abort();
    } finally {
      await small.close();
    }
  });

  it("reads a write's change once, however many streams select it", async () => {
    const { authorization: writer } = await server.createToken("stream-writer", [TokenScope.CURATE]);
    const streams = [];
    for (let t = 0; t < 3; t++) {
      const { authorization } = await server.createToken(`stream-watcher-${t}`, [TokenScope.ADMIN]);
      for (let i = 0; i < STREAM_LIMITS.perToken; i++) streams.push((await subscribe(authorization)).response);
    }
    const events = streams.map((response) => readEventStream(response, (received) => received.includes('"entityType":"BRAND"'), 10_000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    queries.length = 0;
    await createBrand("fictional-fan-out", writer);
    await Promise.all(events.map((e) => e.settled));
    expect(events.every((e) => e.received().includes('"entityType":"BRAND"'))).toBe(true);
    const changeReads = queries.filter((sql) => /"Change"/.test(sql) && !/^\s*INSERT/i.test(sql));
    expect(changeReads.length).toBeGreaterThanOrEqual(1);
    expect(changeReads.length).toBeLessThanOrEqual(2);
  });
});
