import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PAGE_SIZE } from "../src/index.ts";
import { createTestDb } from "@solegraph/db/testing";
import { createApp } from "../src/app.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

describe("bad requests get clear errors", () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await createTestApp();
  });
  afterAll(() => server?.close());

  const expectUserError = async (query: string, message: RegExp, variables?: Record<string, unknown>) => {
    const { data, errors } = await server.graphql(query, variables);
    expect(errors?.[0]?.message).toMatch(message);
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    return data;
  };

  it("rejects page sizes out of bounds, naming the cap", async () => {
    await expectUserError(`{ factories(first: -1) { totalCount } }`, /`first` on Query.factories must be between 0 and 100 \(got -1\)/);
    const pageOf = `query($n: Int) { factories(first: $n) { totalCount } }`;
    await expectUserError(pageOf, new RegExp(`between 0 and ${MAX_PAGE_SIZE} \\(got 100000\\)`), { n: 100_000 });
    const literal = await server.graphql(`{ factories(first: 100000) { totalCount } }`);
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0]?.message).toMatch(/between 0 and 100 \(got 100000\)/);
    await expectUserError(`{ brand(slug: "new-balance") { models(last: 101) { totalCount } } }`, /`last` on Brand.models must be between/);
    await expectUserError(`{ search(query: "x", first: 51) { __typename } }`, /between 0 and 50/);
    const ok = await server.graphql<{ factories: { edges: unknown[] } }>(`{ factories(first: ${MAX_PAGE_SIZE}) { edges { cursor } } }`);
    expect(ok.errors).toBeUndefined();
  });

  it("rejects a bad cursor and mixed pagination directions", async () => {
    await expectUserError(`{ models(after: "not-a-cursor") { totalCount } }`, /cursor/i);
    await expectUserError(`{ models(first: 1, last: 1) { totalCount } }`, /not both/);
    await expectUserError(`{ models(first: 1, before: "x") { totalCount } }`, /combine it with `after`/);
  });

  it("rejects wrong argument types before running anything", async () => {
    const { errors } = await server.graphql(`{ factories(filter: { country: "USA" }) { totalCount } }`);
    expect(errors?.[0]?.message).toMatch(/CountryCode|country code/i);
    const typed = await server.graphql(`query($n: Int) { models(first: $n) { totalCount } }`, { n: "ten" });
    expect(typed.status).toBe(400);
    expect(typed.errors?.[0]?.message).toMatch(/Int cannot represent/);
    await expectUserError(`{ search(query: "   ") { __typename } }`, /must not be empty/);
  });

  it("refuses a well-formed cursor of another kind as the client's mistake", async () => {
    const forged = Buffer.from("GPC:S:abc").toString("base64");
    await expectUserError(`query($c: String) { models(after: $c) { totalCount edges { cursor } } }`, /Invalid cursor/, { c: forged });
  });

  it("masks internal errors: no stack, no SQL", async () => {
    // A database that went away under the server: our fault, not the client's.
    const db = await createTestDb();
    await db.close();
    const app = createApp({ db });
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: `{ models { totalCount } }` }),
    });
    const { errors } = (await response.json()) as { errors?: { message: string }[] };
    expect(response.status).toBe(500);
    expect(errors?.[0]?.message).toBe("Unexpected error.");
    expect(JSON.stringify(errors)).not.toMatch(/SELECT|pool|stack|at .*\.ts/i);
  });

  it("refuses hostile query shapes", async () => {
    const deep = `{ brand(slug: "new-balance") { models { edges { node { brand { models { edges { node { brand { models { edges { node { brand { name } } } } } } } } } } } } } }`;
    const depth = await server.graphql(deep);
    expect(depth.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: brand(slug: "nike") { name }`).join(" ");
    expect((await server.graphql(`{ ${aliases} }`)).errors?.[0]?.message).toMatch(/aliases/i);
    const wide = Array.from({ length: 60 }, (_, i) => `f${i}: factories(first: 100) { edges { node { productions(first: 100) { edges { node { route { step { name } } } } } } } }`).join(" ");
    expect((await server.graphql(`{ ${wide} }`)).errors?.[0]?.message).toMatch(/cost|aliases|token/i);
  });

  it("answers malformed bodies, wrong content types and oversize bodies at the HTTP level", async () => {
    const post = (body: string, contentType = "application/json") =>
      server.fetch(server.url, { method: "POST", headers: { "content-type": contentType }, body });
    const malformed = await post("{ not json");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors[0].message).toMatch(/JSON/i);
    const wrongType = await post("query { brands { totalCount } }", "text/plain");
    expect([400, 415]).toContain(wrongType.status);
    const huge = await post(JSON.stringify({ query: `{ brand(slug: "${"x".repeat(300_000)}") { id } }` }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].message).toMatch(/too large/);
    // Without Content-Length (chunked): accepted up to the limit, refused beyond it.
    const chunked = (text: string) =>
      server.fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode(text)), controller.close()) }),
        duplex: "half",
      } as RequestInit);
    const small = await chunked(JSON.stringify({ query: `{ brands { totalCount } }` }));
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual({ data: { brands: { totalCount: 5 } } });
    expect((await chunked(JSON.stringify({ query: `{ brand(slug: "${"x".repeat(300_000)}") { id } }` }))).status).toBe(413);
  });

  it("serves health and readiness", async () => {
    const origin = new URL(server.url).origin;
    expect((await server.fetch(`${origin}/health`)).status).toBe(200);
    expect((await server.fetch(`${origin}/ready`)).status).toBe(200);
  });
});
