import { generateRegistry, SCALE_BRANDS, testDatabaseKind } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

/**
 * Issue 23's structural guarantees on a generated registry (not timings: those are
 * `npm run bench:scale`'s): which index a page's statement uses, one statement per
 * page, no per-row subplan, and a query that would read too much refused before it
 * runs. On the embedded database by default, on PostgreSQL under SOLEGRAPH_TEST_POSTGRES_URL.
 */
interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

interface PlanNode {
  readonly "Node Type": string;
  readonly "Relation Name"?: string;
  readonly "Index Name"?: string;
  readonly "Parent Relationship"?: string;
  readonly "Actual Rows"?: number;
  readonly "Actual Loops"?: number;
  readonly "Rows Removed by Filter"?: number;
  readonly "Rows Removed by Index Recheck"?: number;
  readonly Filter?: string;
  readonly Plans?: PlanNode[];
}

const FACILITIES = 4_000;

describe("a registry of thousands of facilities", () => {
  let graph: TestApp;
  let statements: Statement[] = [];
  beforeAll(async () => {
    graph = await createTestApp({ config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off" }), onStatement: (text, values) => statements.push({ text, values }) });
    await generateRegistry(graph.db.sql, FACILITIES);
  }, 120_000);
  afterAll(() => graph?.close());

  async function read(query: string, variables?: Record<string, unknown>): Promise<{ data: any; statement: Statement }> {
    statements = [];
    const { data, errors } = await graph.graphql<any>(query, variables);
    expect(errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    return { data, statement: statements[0]! };
  }

  async function plan(statement: Statement, analyze = false): Promise<PlanNode[]> {
    const [row] = await graph.db.sql.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (${analyze ? "ANALYZE, " : ""}FORMAT JSON) ${statement.text}`, statement.values);
    const parsed = row!["QUERY PLAN"];
    const root = ((typeof parsed === "string" ? JSON.parse(parsed) : parsed) as { Plan: PlanNode }[])[0]!.Plan;
    const all: PlanNode[] = [];
    const visit = (node: PlanNode) => {
      all.push(node);
      for (const child of node.Plans ?? []) visit(child);
    };
    visit(root);
    return all;
  }

  /** Rows a table's scans looked at (returned, and removed by their filters), every loop. */
  const rowsReadFrom = (nodes: PlanNode[], table: string) =>
    nodes
      .filter((node) => node["Relation Name"] === table)
      .reduce((sum, node) => sum + (node["Actual Rows"]! + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * node["Actual Loops"]!, 0);

  it("searches a rare word through the trigram index, reading candidates rather than every factory", async () => {
    const { data, statement } = await read(`{ search(query: "Qzxvwk", first: 10) { match result { __typename ... on Factory { name } } } }`);
    expect(data.search).toBeInstanceOf(Array);
    const nodes = await plan(statement, true);
    expect(nodes.some((node) => node["Index Name"] === "Factory_name_trgm_idx")).toBe(true);
    expect(nodes.filter((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === "Factory")).toEqual([]);
    expect(rowsReadFrom(nodes, "Factory")).toBeLessThan(FACILITIES / 4);
  });

  it("stops reading at the candidates it needs for a common word", async () => {
    const { data, statement } = await read(`{ search(query: "footwear", first: 10) { match result { __typename } } }`);
    expect(data.search).toHaveLength(10);
    // 20 neighbours and the exact names, whichever way the planner finds them; not 4,000 rows.
    expect(rowsReadFrom(await plan(statement, true), "Factory")).toBeLessThan(FACILITIES / 4);
  });

  it("writes search words into the statement as text, whatever they hold", async () => {
    for (const words of [`o'brien`, `\\' OR 1=1 --`, `100% _x_ \\\\`, `E'\\x41'`]) {
      const { data, statement } = await read(`query($q: String!) { search(query: $q) { match } }`, { q: words });
      expect(data.search).toBeInstanceOf(Array);
      expect(statement.text).toContain("E'");
    }
  });

  it("puts exact matches first, through the lower() indexes", async () => {
    const { data, statement } = await read(`{ search(query: "exampleton cn 3", first: 5) { match result { __typename ... on Factory { city } } } }`);
    expect(data.search).toHaveLength(5);
    for (const hit of data.search) expect(hit).toEqual({ match: "EXACT", result: { __typename: "Factory", city: "Exampleton CN 3" } });
    const nodes = await plan(statement);
    expect(nodes.some((node) => node["Index Name"] === "Factory_lower_city_idx")).toBe(true);
  });

  it("answers a brand page with one grouped statement: no subplan runs once per row", async () => {
    const { data, statement } = await read(`query($slug: String!) { brand(slug: $slug) { name productionByCountry { countries {
      countryCode recorded productionCount factoryCount knownVolume volumeShare } } } }`, { slug: SCALE_BRANDS.big });
    const [expected] = await graph.db.sql.query<{ productions: number }>(
      `SELECT count(*)::int AS productions FROM "Production" p JOIN "SneakerModel" m ON m.id = p."modelId" JOIN "Brand" b ON b.id = m."brandId" WHERE b.slug = $1`,
      [SCALE_BRANDS.big],
    );
    const countries = data.brand.productionByCountry.countries as { productionCount: number; volumeShare: number | null }[];
    expect(countries.reduce((sum, c) => sum + c.productionCount, 0)).toBe(expected!.productions);
    expect(countries.reduce((sum, c) => sum + (c.volumeShare ?? 0), 0)).toBeCloseTo(1, 6);
    const nodes = await plan(statement, true);
    const perRow = nodes.filter((node) => node["Parent Relationship"] === "SubPlan" && node["Actual Loops"]! > 1);
    expect(perRow).toEqual([]);
    // Productions carry their factory's status: the only Factory rows read are the ones
    // the brand runs (through their index), never a lookup per production.
    const factoryReads = nodes.filter((node) => node["Relation Name"] === "Factory");
    expect(factoryReads.map((node) => node["Index Name"])).toEqual(["Factory_operatorBrandId_name_id_idx"]);
    const [operating] = await graph.db.sql.query<{ factories: number }>(
      `SELECT count(DISTINCT (f."countryCode", f.id))::int AS factories FROM "Production" p JOIN "Factory" f ON f.id = p."factoryId"
         JOIN "SneakerModel" m ON m.id = p."modelId" JOIN "Brand" b ON b.id = m."brandId" WHERE b.slug = $1 AND f.status = 'OPERATING'`,
      [SCALE_BRANDS.big],
    );
    const factoryCounts = data.brand.productionByCountry.countries as { factoryCount: number }[];
    expect(factoryCounts.reduce((sum, c) => sum + c.factoryCount, 0)).toBe(operating!.factories);
  });

  it("counts a country's factories from the maintained count, reading only the page's factories", async () => {
    const { data, statement } = await read(`{ factories(filter: { country: "CN" }, first: 20) { totalCount edges { node { slug } } } }`);
    const [expected] = await graph.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Factory" WHERE "countryCode" = 'CN'`);
    expect(data.factories.totalCount).toBe(expected!.n);
    expect(expected!.n).toBeGreaterThan(FACILITIES / 4);
    const nodes = await plan(statement, true);
    expect(nodes.some((node) => node["Relation Name"] === "FactoryCount")).toBe(true);
    // The page and the row that says whether there is a next one; no count of CN's sites.
    expect(rowsReadFrom(nodes, "Factory")).toBeLessThanOrEqual(21);

    const withStatus = await read(`{ factories(filter: { country: "CN", status: CLOSED }, first: 1) { totalCount } }`);
    const [closed] = await graph.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Factory" WHERE "countryCode" = 'CN' AND status = 'CLOSED'`);
    expect(withStatus.data.factories.totalCount).toBe(closed!.n);
    expect(withStatus.statement.text).toContain('"FactoryCount"');
  });

  it("counts the rows themselves when the filter is more than a country and a status", async () => {
    const { data, statement } = await read(`{ factories(filter: { country: "CN", sector: "footwear" }, first: 1) { totalCount } }`);
    const [expected] = await graph.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Factory" WHERE "countryCode" = 'CN' AND EXISTS (SELECT 1 FROM unnest(sectors) s WHERE lower(s) = 'footwear')`,
    );
    expect(data.factories.totalCount).toBe(expected!.n);
    expect(statement.text).not.toContain('"FactoryCount"');
  });

  it("filters by brand from the brand's side: a small brand's page and total read its factories, not the registry", async () => {
    const { data, statement } = await read(`query($slug: String!) { factories(filter: { brand: $slug }, first: 10) { totalCount edges { node { slug } } } }`, {
      slug: SCALE_BRANDS.small,
    });
    const [expected] = await graph.db.sql.query<{ n: number }>(
      `SELECT count(DISTINCT r."factoryId")::int AS n FROM "BrandFactory" r JOIN "Brand" b ON b.id = r."brandId" WHERE b.slug = $1`,
      [SCALE_BRANDS.small],
    );
    expect(data.factories.totalCount).toBe(expected!.n);
    expect(data.factories.edges).toHaveLength(10);
    const nodes = await plan(statement, true);
    expect(nodes.filter((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === "Factory")).toEqual([]);
    expect(nodes.some((node) => node["Relation Name"] === "BrandFactory" && node["Node Type"] !== "Seq Scan")).toBe(true);
    // The page and the count each look up the brand's factories by key: about 2 × 50, of 4,000.
    expect(rowsReadFrom(nodes, "Factory")).toBeLessThanOrEqual(4 * expected!.n);
  });

  it("finds factories near a point through the latitude band index", async () => {
    const [town] = await graph.db.sql.query<{ latitude: number; longitude: number }>(
      `SELECT latitude, longitude FROM "Factory" WHERE city = 'Exampleton CN 3' ORDER BY id LIMIT 1`,
    );
    const { data, statement } = await read(`query($near: NearInput!) { factories(filter: { near: $near }, first: 5) { totalCount edges { node { city } } } }`, {
      near: { latitude: town!.latitude, longitude: town!.longitude, radiusKm: 50 },
    });
    expect(data.factories.totalCount).toBeGreaterThan(0);
    const nodes = await plan(statement);
    // The band index; on a registry this small the planner may take the older (latitude, longitude) one.
    expect(nodes.some((node) => node["Index Name"] === "Factory_latitude_band_idx" || node["Index Name"] === "Factory_latitude_longitude_idx")).toBe(true);
    expect(nodes.filter((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === "Factory")).toEqual([]);
    // The distance is inlined into the filter, not a function call per site.
    expect(nodes.filter((node) => node.Filter?.includes("geo_distance_km"))).toEqual([]);
    expect(nodes.some((node) => node.Filter?.includes("atan2"))).toBe(true);
  });

  it.runIf(testDatabaseKind === "postgres")("runs without JIT compilation on PostgreSQL", async () => {
    const [setting] = await graph.db.sql.query<{ jit: string }>("SHOW jit");
    expect(setting!.jit).toBe("off");
  });

  describe("with a read limit below the registry's size", () => {
    let limited: TestApp;
    let sent: string[] = [];
    beforeAll(async () => {
      limited = await createTestApp({
        seed: false,
        config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off", SOLEGRAPH_MAX_ROWS_READ: "1000" }),
        onStatement: (text) => sent.push(text),
      });
      await generateRegistry(limited.db.sql, 2_000);
    }, 120_000);
    afterAll(() => limited?.close());

    it("refuses, before it runs, a query that would read every factory", async () => {
      sent = [];
      const response = await limited.graphql(`{ factories(first: 1) { totalCount } }`);
      expect(response.errors?.[0]?.extensions?.["code"]).toBe("QUERY_READS_TOO_MUCH");
      expect(response.errors?.[0]?.extensions?.["rowsRead"]).toBeGreaterThan(1000);
      expect(response.data ?? null).toBeNull();
      expect(sent).toEqual([]);
    });

    it("answers a small brand's page under the same limit", async () => {
      const response = await limited.graphql<any>(`query($slug: String!) { factories(filter: { brand: $slug }, first: 10) { totalCount } }`, { slug: SCALE_BRANDS.small });
      expect(response.errors).toBeUndefined();
      expect(response.data.factories.totalCount).toBe(50);
    });
  });
});
