import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../src/testing/fuzz.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

// Random operations from the schema, sensible and hostile (src/testing/fuzz.ts);
// `npm run fuzz -- --count N --seed S` runs more.
describe("schema-aware fuzzing", () => {
  let graph: TestApp;
  beforeAll(async () => {
    graph = await createTestApp();
  });
  afterAll(() => graph?.close());

  it("gets no 5xx, no internal error, no leaked internal, and no row change the audit trail does not explain", { timeout: 240_000 }, async () => {
    const report = await fuzz(graph, { count: 2000, seed: 20261125 });
    expect(report.problems).toEqual([]);
    // The run exercised both sides: refusals of many kinds, and writes that went through.
    expect(report.byStatus[200]).toBeGreaterThan(500);
    expect(report.byStatus[400]).toBeGreaterThan(100);
    expect(report.writes).toBeGreaterThan(10);
    expect(Object.keys(report.byCode)).toEqual(expect.arrayContaining(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"]));
  });
});
