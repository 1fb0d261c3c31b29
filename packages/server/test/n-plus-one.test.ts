import { generateDataset } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/testing/index.ts";

// The number of SQL statements a nested query sends must not depend on how many rows
// it returns: Pothos' Prisma plugin plans relation loads into a few batched queries.
describe("SQL statements per request", () => {
  let server: TestServer;
  let statements: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ seed: true, onQuery: (sql) => statements.push(sql) });
  });
  afterAll(() => server?.close());

  const nested = /* GraphQL */ `{
    brands(first: 70) {
      totalCount
      edges { node { name
        models(first: 10) { edges { node { name
          madeInUsa { status }
          productions(first: 5) { edges { node { labelClaim
            factory { name city country { code } }
            route { position technique step { name } }
          } } }
        } } }
      } }
    }
  }`;

  async function countStatements(query: string): Promise<{ count: number; rows: number }> {
    statements = [];
    const { data, errors } = await server.graphql<{ brands: any }>(query);
    expect(errors).toBeUndefined();
    const rows = data!.brands.edges.reduce(
      (sum: number, b: any) =>
        sum + b.node.models.edges.reduce((s: number, m: any) => s + 1 + m.node.productions.edges.length, 1),
      0,
    );
    return { count: statements.length, rows };
  }

  it("stays constant from the seed to a dataset 20 times larger", async () => {
    const small = await countStatements(nested);
    await generateDataset(server.db.prisma, 60);
    const large = await countStatements(nested);
    expect(large.rows).toBeGreaterThanOrEqual(small.rows * 20);
    expect(large.count).toBe(small.count);
    // One statement per level at most (brands, count, models, productions, ...).
    // One statement per relation in the query, whatever the row count: brands, their
    // count, models, productions, factories, countries, routes, steps, plus the
    // verdict's own models/productions/factories/citations/sources.
    expect(small.count).toBeLessThanOrEqual(14);
  });
});
