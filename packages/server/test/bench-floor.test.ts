import { generateDataset } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sortKeys } from "../bench/answers.ts";
import { BENCH_QUERIES } from "../bench/queries.ts";
import { loadConfig } from "../src/config.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

// `npm run bench` compares the server with hand-written SQL for the same answers; the
// comparison means something only while both answer alike (the bench refuses otherwise,
// but only when someone runs it).
describe("the benchmark's SQL floor", () => {
  let graph: TestApp;
  beforeAll(async () => {
    graph = await createTestApp({ config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off" }) });
    await generateDataset(graph.db.prisma, 3);
  });
  afterAll(() => graph?.close());

  it.each(BENCH_QUERIES.map((query) => [query.name, query] as const))("answers %s as the server does", async (_name, query) => {
    const ours = await graph.graphql(query.graphql);
    const [row] = await graph.db.sql.query<Record<string, string>>(query.floorSql);
    const floor = JSON.parse(Object.values(row!)[0]!) as { data?: unknown };
    expect(sortKeys(floor.data ?? floor)).toEqual(sortKeys(ours.data));
  });
});
