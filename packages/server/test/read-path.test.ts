import { generateDataset } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

/**
 * The read path's structural guarantees (not timings): a query is one SQL statement
 * whatever the data, and a page reads the rows of the page, not the whole list.
 */
interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

describe("the read path", () => {
  let graph: TestApp;
  let statements: Statement[] = [];
  beforeAll(async () => {
    // The planner itself: with the response cache on, a repeated query would send no SQL at all.
    graph = await createTestApp({ config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off" }), onStatement: (text, values) => statements.push({ text, values }) });
  });
  afterAll(() => graph?.close());

  async function read(query: string, variables?: Record<string, unknown>): Promise<{ data: any; statements: Statement[] }> {
    statements = [];
    const { data, errors } = await graph.graphql<any>(query, variables);
    expect(errors).toBeUndefined();
    return { data, statements };
  }

  const nested = /* GraphQL */ `{
    brands(first: 70) {
      totalCount
      edges { node { name country { code }
        productionByCountry { countries { countryCode productionCount } claims { statement source { slug } } }
        models(first: 5) { totalCount edges { node { name
          claims { topic statement source { slug kind } }
          madeIn { country { code } status basis }
          madeInUsa { status basis labelClaims volumeShare factories { slug } sources { quote source { slug } } supportingClaims { statement } conflictingClaims { statement } }
          productions(first: 3) { edges { node { labelClaim
            factory { name city country { code } }
            route { position technique step { name } }
          } } }
        } } }
      } }
    }
    search(query: "hiero") { match result { __typename ... on SneakerModel { slug } } }
    nodes(ids: ["QnJhbmQ6MQ", "RmFjdG9yeTox"]) { id }
  }`;

  const rowsIn = (data: any) =>
    data.brands.edges.reduce(
      (sum: number, b: any) => sum + b.node.models.edges.reduce((s: number, m: any) => s + 1 + m.node.productions.edges.length, 1),
      0,
    );

  it("sends one statement per query, from the seed to a dataset 20 times larger", async () => {
    const small = await read(nested);
    expect(small.statements).toHaveLength(1);
    await generateDataset(graph.db.prisma, 60);
    const large = await read(nested);
    expect(rowsIn(large.data)).toBeGreaterThanOrEqual(rowsIn(small.data) * 20);
    expect(large.statements).toHaveLength(1);
    // The same shape is the same statement text: PostgreSQL can reuse its plan.
    expect(large.statements[0]!.text).toBe(small.statements[0]!.text);
  });

  it("answers a query for a page, its total and a node in one statement too", async () => {
    const { statements: sent } = await read(`{ a: models(first: 2) { totalCount } b: factory(slug: "nb-lawrence") { name } c: node(id: "QnJhbmQ6MQ") { id } }`);
    expect(sent).toHaveLength(1);
  });

  describe("on a brand with 1,000 models", () => {
    beforeAll(async () => {
      await graph.db.sql.query(`INSERT INTO "Brand" (slug, name, "updatedAt") VALUES ('example-brand-wide', 'Example Wide Brand', now())`);
      await graph.db.sql.query(
        `INSERT INTO "SneakerModel" (slug, name, "brandId", "updatedAt")
         SELECT 'example-wide-' || n, 'Example Wide ' || lpad(n::text, 4, '0'), b.id, now()
           FROM generate_series(1, 1000) AS n, "Brand" b WHERE b.slug = 'example-brand-wide'`,
      );
      await graph.db.sql.query(`ANALYZE`);
    });

    /** Rows PostgreSQL read from a table while running the statement (EXPLAIN ANALYZE). */
    async function rowsRead(statement: Statement, table: string): Promise<number> {
      const [plan] = await graph.db.sql.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
      let rows = 0;
      const visit = (node: Record<string, unknown>) => {
        if (node["Relation Name"] === table) rows += Number(node["Actual Rows"]) * Number(node["Actual Loops"]);
        for (const child of (node["Plans"] as Record<string, unknown>[] | undefined) ?? []) visit(child);
      };
      const parsed = plan!["QUERY PLAN"];
      visit(((typeof parsed === "string" ? JSON.parse(parsed) : parsed) as { Plan: Record<string, unknown> }[])[0]!.Plan);
      return rows;
    }

    it("reads about the page's rows for models(first: 10), not 1,000", async () => {
      const { data, statements: sent } = await read(`{ brand(slug: "example-brand-wide") { models(first: 10) { edges { node { name } } pageInfo { hasNextPage } } } }`);
      expect(data.brand.models.edges).toHaveLength(10);
      expect(data.brand.models.pageInfo.hasNextPage).toBe(true);
      // The page plus the row that tells there is a next one.
      expect(await rowsRead(sent[0]!, "SneakerModel")).toBeLessThanOrEqual(11);
    });

    it("reads about the page's rows after a cursor, backwards too", async () => {
      const [row] = await graph.db.sql.query<{ id: number }>(`SELECT id FROM "SneakerModel" WHERE slug = 'example-wide-500'`);
      const cursor = Buffer.from(`GPC:N:${row!.id}`).toString("base64");
      const after = await read(`query($c: String) { brand(slug: "example-brand-wide") { models(first: 10, after: $c) { edges { node { name } } } } }`, { c: cursor });
      expect(after.data.brand.models.edges[0].node.name).toBe("Example Wide 0501");
      // The page, its extra row, and the cursor's own row looked up by id.
      expect(await rowsRead(after.statements[0]!, "SneakerModel")).toBeLessThanOrEqual(11 + 3);
      const before = await read(`query($c: String) { brand(slug: "example-brand-wide") { models(last: 3, before: $c) { edges { node { name } } } } }`, { c: cursor });
      expect(before.data.brand.models.edges.map((e: any) => e.node.name)).toEqual(["Example Wide 0497", "Example Wide 0498", "Example Wide 0499"]);
      expect(await rowsRead(before.statements[0]!, "SneakerModel")).toBeLessThanOrEqual(4 + 3);
    });

    it("reads every row only when the total is asked for", async () => {
      const { data, statements: sent } = await read(`{ brand(slug: "example-brand-wide") { models(first: 10) { totalCount } } }`);
      expect(data.brand.models.totalCount).toBe(1000);
      expect(await rowsRead(sent[0]!, "SneakerModel")).toBeLessThanOrEqual(1000);
    });
  });
});
