import { TokenScope } from "@solegraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { readEventStream } from "./support/event-stream.ts";

const SUBSCRIPTION = "subscription { changes { action entityType entityId actor } }";

describe("the changes subscription (Server-Sent Events)", () => {
  let graph: TestApp;
  beforeAll(async () => {
    graph = await createTestApp();
  });
  afterAll(async () => {
    await graph?.close();
  });

  const subscribe = (headers: Record<string, string>, signal?: AbortSignal) =>
    graph.fetch(graph.url, {
      method: "POST",
      ...(signal && { signal }),
      headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });

  it("streams each committed change to an admin", async () => {
    const { authorization } = await graph.createToken("live-admin", [TokenScope.ADMIN, TokenScope.CURATE]);
    const controller = new AbortController();
    const stream = await subscribe({ authorization }, controller.signal);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = readEventStream(stream, (received) => received.includes('"entityType":"SOURCE"'), 5_000);
    await graph.graphql(`mutation { createBrand(input: { slug: "fictional-stream-co", name: "Fictional Stream Co" }) { __typename } }`, {}, { authorization });
    await graph.graphql(
      `mutation { createSource(input: { slug: "fictional-stream-gazette", url: "https://example.org/stream", kind: NEWS }) { __typename } }`,
      {},
      { authorization },
    );
    await events.settled;
    controller.abort();
    const changes = events
      .received()
      .split("\n")
      .filter((line) => line.startsWith("data: {"))
      .map((line) => (JSON.parse(line.slice(6)) as { data: { changes: { action: string; entityType: string; actor: string } } }).data.changes);
    expect(changes.map(({ action, entityType, actor }) => ({ action, entityType, actor }))).toEqual([
      { action: "CREATE", entityType: "BRAND", actor: "live-admin" },
      { action: "CREATE", entityType: "SOURCE", actor: "live-admin" },
    ]);
  });

  it("refuses anonymous subscribers and tokens without the admin scope", async () => {
    const anonymous = await subscribe({});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toMatch(/"code":"UNAUTHENTICATED"/);
    const { authorization } = await graph.createToken("live-curator", [TokenScope.CURATE]);
    const curator = await subscribe({ authorization });
    expect(await curator.text()).toMatch(/"code":"FORBIDDEN"/);
  });
});
