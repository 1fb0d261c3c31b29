import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "../src/global-id.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

/**
 * Every mistake a request makes comes back as the client's mistake, with a code, and
 * never as "Unexpected error." (issue 10's findings, one by one).
 */
describe("errors the request caused", () => {
  let graph: TestApp;
  let curator: { authorization: string };
  beforeAll(async () => {
    graph = await createTestApp();
    curator = await graph.createToken("example-error-curator");
  });
  afterAll(() => graph?.close());

  const brand = `query($s: String!) { brand(slug: $s) { name } }`;

  it("refuses NUL characters and unpaired surrogates at the edge, in queries and variables", async () => {
    for (const [query, variables] of [
      [brand, { s: "x\u0000y" }],
      [brand, { s: "\ud800" }],
      [brand, { s: "a\udc00" }],
      [`{ brand(slug: "x\u0000y") { name } }`, undefined],
      [`mutation($i: CreateBrandInput!) { createBrand(input: $i) { __typename } }`, { i: { slug: "example-nul", name: "A\u0000B" } }],
    ] as const) {
      const response = await graph.graphql(query, variables as Record<string, unknown> | undefined, curator);
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
      expect(response.errors?.[0]?.message).toMatch(/NUL|surrogate/);
    }
    // Well-formed pairs are fine.
    expect((await graph.graphql(brand, { s: "\ud83d\udc5f" })).data).toEqual({ brand: null });
  });

  it("answers null for IDs that cannot name a row, and keeps the others of a list", async () => {
    const tooBig = encodeGlobalID("Brand", "2147483648");
    const { data, errors } = await graph.graphql<{ node: unknown; nodes: unknown[] }>(
      `query($big: ID!, $ids: [ID!]!) { node(id: $big) { id } nodes(ids: $ids) { id } }`,
      { big: tooBig, ids: [encodeGlobalID("Brand", 1), tooBig, "%%%", encodeGlobalID("Country", 1), encodeGlobalID("Brand", 2)] },
    );
    expect(errors).toBeUndefined();
    expect(data!.node).toBeNull();
    expect(data!.nodes).toEqual([{ id: encodeGlobalID("Brand", 1) }, null, null, null, { id: encodeGlobalID("Brand", 2) }]);
    // In a write, an impossible ID is a reference to nothing.
    const update = await graph.graphql<{ updateBrand: { __typename: string } }>(
      `mutation($i: UpdateBrandInput!) { updateBrand(input: $i) { __typename } }`,
      { i: { id: tooBig, expectedVersion: 1, name: "X" } },
      curator,
    );
    expect(update.data!.updateBrand.__typename).toBe("NotFoundError");
  });

  it("refuses a cursor of another kind, naming the argument", async () => {
    const response = await graph.graphql(`{ brands(after: "R1BDOlM6YWJj") { totalCount edges { cursor } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "after" } });
    expect(response.errors?.[0]?.message).toMatch(/Invalid cursor.*`after` on Query\.brands/);
  });

  it("refuses variables of the wrong type with BAD_USER_INPUT and 400, in queries and mutations", async () => {
    const query = await graph.graphql(`query($f: FactoryFilter) { factories(filter: $f) { totalCount } }`, { f: { country: "USA" } });
    expect(query.status).toBe(400);
    expect(query.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(query.errors?.[0]?.message).toMatch(/\$f.*country/);
    const mutation = await graph.graphql(`mutation($v: Int!) { deleteBrand(input: { id: "nike", expectedVersion: $v }) { __typename } }`, { v: "one" }, curator);
    expect(mutation.status).toBe(400);
    expect(mutation.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
  });

  it("checks a mutation's payload arguments before writing anything", async () => {
    const before = (await graph.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Brand"`))[0]!.n;
    const response = await graph.graphql(
      `mutation { createBrand(input: { slug: "example-ghost", name: "Example Ghost" }) { ... on CreateBrandPayload { brand { models(first: 101) { totalCount } } } } }`,
      {},
      curator,
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(response.errors?.[0]?.message).toMatch(/`first` on Brand\.models must be between 0 and 100/);
    expect((await graph.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Brand"`))[0]!.n).toBe(before);
    // And the same write, asked for sensibly, goes through (nothing was left half-done).
    const retry = await graph.graphql<{ createBrand: { __typename: string } }>(
      `mutation { createBrand(input: { slug: "example-ghost", name: "Example Ghost" }) { __typename } }`,
      {},
      curator,
    );
    expect(retry.data!.createBrand.__typename).toBe("CreateBrandPayload");
  });

  it("answers validation failures with their code and 400", async () => {
    const unknown = await graph.graphql(`{ brandz }`);
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
