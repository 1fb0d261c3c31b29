import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

const QUERY = "{ brands(first: 3) { totalCount edges { node { slug name } } } }";

describe("the response cache", () => {
  let graph: TestApp;
  let uncached: TestApp;
  let statements = 0;
  let authorization: string;
  beforeAll(async () => {
    graph = await createTestApp({ onStatement: () => statements++ });
    uncached = await createTestApp({ config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off" }) });
    ({ authorization } = await graph.createToken("cache-curator"));
  });
  afterAll(async () => {
    await Promise.all([graph?.close(), uncached?.close()]);
  });

  const get = (app: TestApp, headers: Record<string, string> = {}) => app.fetch(`${app.url}?query=${encodeURIComponent(QUERY)}`, { headers });
  const post = (app: TestApp, headers: Record<string, string> = {}) =>
    app.fetch(app.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: QUERY }) });

  it("answers a repeated public query without SQL, with the same body", async () => {
    const first = await post(graph);
    const before = statements;
    const second = await post(graph);
    expect(statements).toBe(before);
    expect(await second.text()).toBe(await first.text());
  });

  it("is bypassed by authenticated requests", async () => {
    const before = statements;
    await post(graph, { authorization });
    await post(graph, { authorization });
    expect(statements).toBe(before + 2);
  });

  it("never serves an answer from before a committed write, nor a 304 for its ETag", async () => {
    const before = await get(graph);
    const etag = before.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await get(graph, { "if-none-match": etag })).status).toBe(304);
    const created = await graph.graphql(`mutation { createBrand(input: { slug: "aaa-fictional-cached", name: "AAA Fictional Cached" }) { __typename } }`, {}, { authorization });
    expect(created.data).toEqual({ createBrand: { __typename: "CreateBrandPayload" } });
    const conditional = await get(graph, { "if-none-match": etag });
    expect(conditional.status).toBe(200);
    const body = (await conditional.json()) as { data: { brands: { edges: { node: { slug: string } }[] } } };
    expect(body.data.brands.edges[0]!.node.slug).toBe("aaa-fictional-cached");
    expect(conditional.headers.get("etag")).not.toBe(etag);
  });

  it("sets Cache-Control on GET: revalidate public answers, never store authenticated ones", async () => {
    const open = await get(graph);
    expect(open.headers.get("cache-control")).toBe("public, no-cache");
    expect(JSON.stringify(await open.json())).not.toContain("extensions");
    expect((await get(graph, { authorization })).headers.get("cache-control")).toBe("private, no-store");
  });

  it("can be switched off", async () => {
    const response = await get(uncached);
    expect(response.headers.get("etag")).toBeNull();
    expect(response.headers.get("cache-control")).toBeNull();
  });
});
