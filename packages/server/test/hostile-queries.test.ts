import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

/**
 * Hostile queries on a wide dataset (100 models × 100 factories, every model made at
 * every factory: 10,000 productions) are refused before any SQL runs, whatever the
 * dataset's size: their cost is counted from the operation and its variables.
 */
describe("hostile queries", () => {
  let graph: TestApp;
  let statements = 0;
  beforeAll(async () => {
    graph = await createTestApp({ onStatement: () => statements++ });
    const sql = (text: string) => graph.db.sql.query(text);
    await sql(`INSERT INTO "Brand" (slug, name, "updatedAt") VALUES ('example-wide', 'Example Wide', now())`);
    await sql(`INSERT INTO "SneakerModel" (slug, name, "brandId", "updatedAt")
               SELECT 'example-model-' || n, 'Example Model ' || n, b.id, now() FROM generate_series(1, 100) n, "Brand" b WHERE b.slug = 'example-wide'`);
    // Factories and productions are written with their citation, in one statement each.
    await sql(`WITH f AS (INSERT INTO "Factory" (slug, name, ownership, status, city, "countryCode", "updatedAt")
                          SELECT 'example-factory-' || n, 'Example Factory ' || n, 'CONTRACT', 'OPERATING', 'Example City', 'VN', now()
                            FROM generate_series(1, 100) n RETURNING id)
               INSERT INTO "FactorySource" ("factoryId", "sourceId") SELECT f.id, s.id FROM f, "Source" s WHERE s.slug = 'seed-article'`);
    await sql(`WITH p AS (INSERT INTO "Production" (slug, "modelId", "factoryId", "countryCode", "updatedAt")
                          SELECT 'example-production-' || m.id || '-' || f.id, m.id, f.id, f."countryCode", now()
                            FROM "SneakerModel" m, "Factory" f WHERE m.slug LIKE 'example-model-%' AND f.slug LIKE 'example-factory-%' RETURNING id)
               INSERT INTO "ProductionSource" ("productionId", "sourceId") SELECT p.id, s.id FROM p, "Source" s WHERE s.slug = 'seed-article'`);
  });
  afterAll(() => graph?.close());

  async function refusedBeforeSql(query: string, variables?: Record<string, unknown>) {
    statements = 0;
    const started = performance.now();
    const response = await graph.graphql(query, variables);
    expect(statements).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    return response.errors![0]!;
  }

  const crossProduct = `query($n: Int) { factories(first: $n) { edges { node { slug
    productions(first: $n) { edges { node { slug model { productions(first: $n) { edges { node { slug factory { slug } } } } } } } } } } } }`;

  it("counts page sizes passed as variables", async () => {
    const error = await refusedBeforeSql(crossProduct, { n: 100 });
    expect(error.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", maxCost: 100_000 });
    expect(error.extensions!["cost"]).toBeGreaterThan(1_000_000);
    expect(error.message).toMatch(/could read \d+ rows; the limit is 100000/);
  });

  it("counts a left-out page size as the default one, alias by alias", async () => {
    const aliased = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: factories { edges { node { productions { edges { node { model { productions { edges { node { factory { slug } } } } } } } } } } }`).join(" ")} }`;
    expect((await refusedBeforeSql(aliased)).extensions!["code"]).toBe("QUERY_TOO_COSTLY");
  });

  it("caps and counts the IDs of nodes(ids:)", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => Buffer.from(`Brand:${i + 1}`).toString("base64url"));
    const error = await refusedBeforeSql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(error).toMatchObject({ message: "`ids` takes at most 100 IDs (got 101).", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("refuses a mutation whose payload costs too much, writing nothing", async () => {
    const token = await graph.createToken("example-hostile-curator");
    const before = (await graph.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Brand"`))[0]!.n;
    const response = await graph.graphql(
      `mutation { createBrand(input: { slug: "example-costly", name: "Example Costly" }) {
        ... on CreateBrandPayload { brand { models(first: 100) { edges { node { productions(first: 100) { edges { node { factory { productions(first: 100) { totalCount } } } } } } } } } } } }`,
      {},
      token,
    );
    expect(response.errors?.[0]?.extensions?.["code"]).toBe("QUERY_TOO_COSTLY");
    expect((await graph.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Brand"`))[0]!.n).toBe(before);
  });

  it("still answers a large but reasonable query", async () => {
    statements = 0;
    const { data, errors } = await graph.graphql<{ factories: { edges: unknown[] } }>(crossProduct, { n: 20 });
    expect(errors).toBeUndefined();
    expect(data!.factories.edges).toHaveLength(20);
    expect(statements).toBe(1);
  });

  it("refuses shapes beyond the limits with their own codes and HTTP 400", async () => {
    const deep = "{ brands { edges { node { models { edges { node { brand { models { edges { node { brand { models { edges { node { name } } } } } } } } } } } } } } }";
    const depth = await graph.graphql(deep);
    expect(depth.status).toBe(400);
    expect(depth.errors?.[0]).toMatchObject({ message: "Query depth limit of 12 exceeded, found 15.", extensions: { code: "DEPTH_LIMIT_EXCEEDED" } });
    const aliases = await graph.graphql(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: brands { totalCount }`).join(" ")} }`);
    expect(aliases.status).toBe(400);
    expect(aliases.errors?.[0]?.extensions?.["code"]).toBe("ALIAS_LIMIT_EXCEEDED");
    const directives = await graph.graphql(`{ brands ${Array.from({ length: 31 }, () => "@include(if: true)").join(" ")} { totalCount } }`);
    expect(directives.errors?.[0]?.extensions?.["code"]).toBe("DIRECTIVE_LIMIT_EXCEEDED");
    const tokens = await graph.graphql(`{ ${Array.from({ length: 5100 }, () => "__typename").join(" ")} }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0]?.extensions?.["code"]).toBe("TOKEN_LIMIT_EXCEEDED");
  });
});
