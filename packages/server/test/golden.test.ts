import { generateDataset } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { GOLDEN_QUERIES } from "./golden/queries.ts";

/**
 * Golden answers: a fixed set of reads over the seed plus a small synthetic dataset,
 * each compared with the answer recorded in test/golden/*.json. They pin down what the
 * read path returns (data, order, cursors, page info, errors), whatever executes it.
 * After a deliberate change of answers, re-record with `vitest run -u test/golden.test.ts`
 * and review the diff of the JSON files.
 */
describe("golden read queries", () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await createTestApp({ seed: true });
    await generateDataset(server.db.prisma, 3);
  });
  afterAll(() => server?.close());

  for (const [name, { query, variables }] of Object.entries(GOLDEN_QUERIES)) {
    it(name, async () => {
      const response = await server.graphql(query, variables);
      await expect(JSON.stringify(normalize(response), null, 2) + "\n").toMatchFileSnapshot(`golden/${name}.json`);
    });
  }
});

/**
 * Error messages and codes are part of the answer; locations are not. Object keys are
 * sorted: key order is checked on its own (response-order test), array order is kept.
 */
function normalize(response: { status: number; data?: unknown; errors?: readonly { message: string; path?: unknown; extensions?: Record<string, unknown> }[] }) {
  return sortKeys({
    status: response.status,
    ...(response.errors && {
      errors: response.errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
    }),
    data: response.data,
  });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
