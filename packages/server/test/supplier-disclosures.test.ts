import { TokenScope } from "@solegraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECEMBER_2025, JUNE_2025, manufacturingMap, workbook } from "../../db/test/facility-list/fixtures.ts";
import { loadConfig } from "../src/config.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { OUTCOME } from "./support/curation.ts";

const IMPORT = `mutation($input: ImportFacilityListInput!) {
  importFacilityList(input: $input) {
    ${OUTCOME}
    ... on ImportFacilityListPayload {
      committed format layout asOf disclosure { asOf factoryCount added dropped }
      summary { rows created matched skipped }
    }
  }
}`;

/** A brand's two snapshots, uploaded through the API, then read back: disclosures, groups, filters, attribution. */
describe("brands' supplier disclosures in the graph", () => {
  let server: TestApp;
  let curator: { authorization: string };
  const statements: string[] = [];

  async function upload(file: Buffer, name: string, input: Record<string, unknown>) {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: IMPORT, variables: { input: { ...input, file: null } } }));
    form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.set("0", new File([new Uint8Array(file)], name, { type: "application/octet-stream" }));
    const response = await server.fetch(server.url, { method: "POST", body: form, headers: { accept: "application/graphql-response+json", ...curator } });
    return (await response.json()) as { data?: { importFacilityList: Record<string, unknown> }; errors?: unknown[] };
  }
  async function read<T>(query: string, variables: Record<string, unknown> = {}) {
    statements.length = 0;
    const result = await server.graphql<T>(query, variables);
    return { ...result, statements: [...statements] };
  }

  beforeAll(async () => {
    server = await createTestApp({ config: loadConfig({ SOLEGRAPH_RESPONSE_CACHE: "off" }), onStatement: (text) => statements.push(text) });
    curator = await server.createToken("disclosure-curator", [TokenScope.CURATE]);
    const prisma = server.db.prisma;
    await prisma.brand.create({ data: { slug: "example-brand", name: "Example Brand" } });
    await prisma.brand.create({ data: { slug: "example-sub-brand", name: "Example Sub Brand" } });
    for (const [slug, month] of [["example-map-2025-06", "June"], ["example-map-2025-12", "December"]] as const) {
      await prisma.source.create({
        data: { slug, kind: "FACILITY_LIST", title: `Example Brand manufacturing map, ${month} 2025`, publisher: "Example Brand", url: `https://brand.example.com/${slug}.xlsx`, licence: "CC BY-SA 4.0" },
      });
    }
  });
  afterAll(() => server?.close());

  it("imports both snapshots through importFacilityList, with the CLI's options", async () => {
    const june = await upload(workbook(manufacturingMap(JUNE_2025), "biff8"), "map-2025-06.xls", { source: "example-map-2025-06", brand: "example-brand", relation: "CONTRACT" });
    expect(june.data?.importFacilityList).toMatchObject({ committed: true, format: "xls", layout: "manufacturing-map", asOf: "2025-06-01", disclosure: { factoryCount: 6, added: 6, dropped: 0 } });
    const december = await upload(workbook(manufacturingMap(DECEMBER_2025, "DECEMBER 2025"), "xlsx"), "map-2025-12.xlsx", {
      source: "example-map-2025-12",
      brand: "example-brand",
      relation: "CONTRACT",
      asOf: "2025-12-15",
      layout: "manufacturing-map",
    });
    expect(december.data?.importFacilityList).toMatchObject({ format: "xlsx", asOf: "2025-12-15", disclosure: { asOf: "2025-12-15", factoryCount: 5, added: 1, dropped: 2 } });
    const older = await upload(workbook(manufacturingMap(JUNE_2025), "xlsx"), "again.xlsx", { source: "example-map-2025-06", brand: "example-brand", relation: "CONTRACT" });
    expect(older.data?.importFacilityList).toMatchObject({ __typename: "ValidationError", issues: [{ path: ["input", "asOf"], message: expect.stringMatching(/in date order/) }] });
  });

  it("answers a brand's disclosures, footwear by country and by supplier group, each list attributed, in one statement", async () => {
    const { data, statements: sent } = await read<{ brand: Record<string, unknown> }>(`{ brand(slug: "example-brand") {
      disclosures { asOf factoryCount added dropped addedFactories { slug } droppedFactories { slug }
                    source { slug publisher url licence asOf } }
      disclosedFactoriesByCountry { country { code } factoryCount finishedGoods componentsAndMaterials }
      disclosedSupplierGroups { supplierGroup { name } factoryCount countryCount } } }`);
    expect(sent).toHaveLength(1);
    expect(data?.brand).toEqual({
      disclosures: [
        {
          asOf: "2025-06-01", factoryCount: 6, added: 6, dropped: 0, droppedFactories: [],
          addedFactories: ["demo-sneaker-lab", "example-footwear-co-ltd", "fictional-apparel-works", "imaginary-outsole-ltd", "pretend-textile-mill", "sample-shoes-vietnam-co-ltd"].map((slug) => ({ slug })),
          source: { slug: "example-map-2025-06", publisher: "Example Brand", url: "https://brand.example.com/example-map-2025-06.xlsx", licence: "CC BY-SA 4.0", asOf: "2025-06-01" },
        },
        {
          asOf: "2025-12-15", factoryCount: 5, added: 1, dropped: 2,
          addedFactories: [{ slug: "newcomer-footwear-industries" }],
          droppedFactories: [{ slug: "demo-sneaker-lab" }, { slug: "imaginary-outsole-ltd" }],
          source: { slug: "example-map-2025-12", publisher: "Example Brand", url: "https://brand.example.com/example-map-2025-12.xlsx", licence: "CC BY-SA 4.0", asOf: "2025-12-15" },
        },
      ],
      disclosedFactoriesByCountry: [
        { country: { code: "CN" }, factoryCount: 1, finishedGoods: 1, componentsAndMaterials: 0 },
        { country: { code: "ID" }, factoryCount: 1, finishedGoods: 1, componentsAndMaterials: 0 },
        { country: { code: "TR" }, factoryCount: 1, finishedGoods: 0, componentsAndMaterials: 1 },
        { country: { code: "VN" }, factoryCount: 1, finishedGoods: 1, componentsAndMaterials: 0 },
      ],
      disclosedSupplierGroups: [
        { supplierGroup: { name: "FICTIONAL GROUP CO." }, factoryCount: 2, countryCount: 2 },
        { supplierGroup: { name: "Make-Believe Holdings" }, factoryCount: 1, countryCount: 1 },
        { supplierGroup: null, factoryCount: 1, countryCount: 1 },
      ],
    });
  });

  it("filters factories by brand, sector, role, supplier group and whether they are listed now or ever, with totalCount", async () => {
    const count = async (filter: Record<string, unknown>) => {
      const { data, statements: sent } = await read<{ factories: { totalCount: number } }>(`query($filter: FactoryFilter) { factories(filter: $filter) { totalCount } }`, { filter });
      expect(sent).toHaveLength(1);
      return data?.factories.totalCount;
    };
    const brand = "example-brand";
    expect(await count({ brand, sector: "footwear", listed: "CURRENT" })).toBe(4);
    expect(await count({ brand, sector: "footwear", listed: "EVER" })).toBe(6);
    expect(await count({ brand, sector: "Footwear", role: "FINISHED_GOODS", listed: "CURRENT" })).toBe(3);
    expect(await count({ supplierGroup: "fictional group co" })).toBe(2);
    expect(await count({ brand: "example-sub-brand", listed: "CURRENT" })).toBe(1);
    expect(await count({ country: "US", brand, listed: "CURRENT" })).toBe(0);
    const listed = await read<{ brand: { listedFactories: { totalCount: number; edges: { node: { slug: string } }[] } } }>(
      `{ brand(slug: "example-brand") { listedFactories(first: 2) { totalCount edges { node { slug } } } } }`);
    expect(listed.statements).toHaveLength(1);
    expect(listed.data?.brand.listedFactories).toEqual({ totalCount: 4, edges: [{ node: { slug: "example-footwear-co-ltd" } }, { node: { slug: "newcomer-footwear-industries" } }] });
    const refused = await server.graphql(`{ factories(filter: { listed: CURRENT }) { totalCount } }`);
    expect(refused.errors?.[0]).toMatchObject({ message: "`filter.listed` needs `filter.brand`: whose lists?", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("finds supplier groups case- and punctuation-insensitively, with their factories, brands and countries", async () => {
    const { data } = await read<{ supplierGroups: Record<string, unknown> }>(`{ supplierGroups(search: "fictional-GROUP") { totalCount edges { node {
      slug name brands { slug } countries { code } factories { totalCount edges { node { slug supplierGroup { slug } } } } } } } }`);
    expect(data?.supplierGroups).toEqual({
      totalCount: 1,
      edges: [{ node: {
        slug: "fictional-group-co",
        name: "FICTIONAL GROUP CO.",
        brands: [{ slug: "example-brand" }, { slug: "example-sub-brand" }],
        countries: [{ code: "CN" }, { code: "VN" }],
        factories: { totalCount: 2, edges: [{ node: { slug: "example-footwear-co-ltd", supplierGroup: { slug: "fictional-group-co" } } }, { node: { slug: "sample-shoes-vietnam-co-ltd", supplierGroup: { slug: "fictional-group-co" } } }] },
      } }],
    });
  });

  it("serves a listed factory's role, workers with their year and its relations' dates, cited to the list's row", async () => {
    const { data } = await read<{ factory: Record<string, unknown> }>(`{ factory(slug: "imaginary-outsole-ltd") {
      roles sectors workforce workforceYear lineWorkers femaleWorkersPercent workerFiguresYear
      brandRelations { brand { slug } listedFrom listedUntil source { slug } }
      sources { locator supports } } }`);
    expect(data?.factory).toMatchObject({
      roles: ["COMPONENTS"], sectors: ["Footwear"], workforce: 300, workforceYear: 2025, lineWorkers: null, workerFiguresYear: null,
      brandRelations: [{ brand: { slug: "example-brand" }, listedFrom: "2025-06-01", listedUntil: "2025-12-15", source: { slug: "example-map-2025-06" } }],
      sources: [{ locator: "https://brand.example.com/example-map-2025-06.xlsx#row=5" }],
    });
  });
});
