import { generateDataset } from "@solegraph/db/testing";
import { execute, getOperationAST, parse } from "graphql";
import { buildExecutionContext } from "graphql/execution/execute.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SelectionCompiler } from "../src/read/compile.ts";
import { sql } from "../src/read/sql.ts";
import { getSchema } from "../src/schema/index.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { GOLDEN_QUERIES } from "./golden/queries.ts";

/**
 * Queries skip graphql-js: the planner's JSON is the response. This checks that JSON
 * against graphql-js itself: for each golden query, graphql-js executes the operation
 * over the planned data (resolving every field from it, checking non-null fields,
 * serializing every scalar and enum, resolving every interface and union) and must
 * produce exactly the response the server sent.
 */
describe("the planner's JSON is what graphql-js would answer", () => {
  let graph: TestApp;
  beforeAll(async () => {
    graph = await createTestApp();
    await generateDataset(graph.db.prisma, 3);
  });
  afterAll(() => graph?.close());

  const schema = getSchema();

  for (const [name, { query, variables = {} }] of Object.entries(GOLDEN_QUERIES)) {
    const document = parse(query);
    if (getOperationAST(document)?.operation !== "query") continue;
    it(name, async () => {
      const served = await graph.graphql(query, variables);
      if (served.errors) return; // refused while planning: nothing to compare
      const context = buildExecutionContext({ schema, document, variableValues: variables });
      if (!("schema" in context)) throw new Error("invalid test query");
      const compiler = new SelectionCompiler({
        schema,
        fragments: context.fragments,
        variables: context.variableValues,
        viewer: { kind: "anonymous" },
        forGraphqlExecution: true,
      });
      const statement = sql`SELECT ${compiler.root(schema.getQueryType()!, context.operation.selectionSet)}::text AS json`;
      const [row] = await graph.db.sql.query<{ json: string }>(statement.text, statement.values);
      const walked = await execute({ schema, document, variableValues: variables, rootValue: JSON.parse(row!.json) });
      expect(walked.errors).toBeUndefined();
      expect(JSON.stringify(walked.data)).toBe(JSON.stringify(served.data));
    });
  }
});
