import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../src/testing/fuzz.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

// Random operations from the schema, sensible and hostile (src/testing/fuzz.ts);
// `npm run fuzz -- --count N --seed S` runs more. `npm test` runs 600 of them (a fifth of
// its minute was 2,000); CI runs 3,000 on PostgreSQL (SOLEGRAPH_FUZZ_COUNT in .ci/run).
const COUNT = Number(process.env.SOLEGRAPH_FUZZ_COUNT ?? 600);
describe("schema-aware fuzzing", () => {
  let graph: TestApp;
  beforeAll(async () => {
    graph = await createTestApp();
  });
  afterAll(() => graph?.close());

  it("gets no 5xx, no internal error, no leaked internal, and no row change the audit trail does not explain", { timeout: 240_000 }, async () => {
    expect(Number.isInteger(COUNT) && COUNT > 0, `SOLEGRAPH_FUZZ_COUNT must be a positive integer, not ${process.env.SOLEGRAPH_FUZZ_COUNT}`).toBe(true);
    const report = await fuzz(graph, { count: COUNT, seed: 20261125 });
    expect(report.problems).toEqual([]);
    // The run exercised both sides: refusals of many kinds, and writes that went through.
    expect(report.byStatus[200]).toBeGreaterThan(COUNT / 4);
    expect(report.byStatus[400]).toBeGreaterThan(COUNT / 20);
    expect(report.writes).toBeGreaterThan(COUNT / 200);
    expect(Object.keys(report.byCode)).toEqual(expect.arrayContaining(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"]));
  });
});
