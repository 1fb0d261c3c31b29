import { TokenScope } from "@solegraph/db";
import { TEST_POSTGRES_URL } from "@solegraph/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { OUTCOME } from "./support/curation.ts";

const IMPORT = `mutation($input: ImportFacilityListInput!) {
  importFacilityList(input: $input) {
    ${OUTCOME}
    ... on ImportFacilityListPayload {
      committed dryRun columnsIgnored batches resumedAfterLine
      summary { rows created matched updated ambiguous possibleDuplicates rejected citationsAdded brandRelationsAdded changes }
      rows { line outcome factorySlug matchedBy reason notes possibleDuplicates { slug matchedBy } }
      problems: rows(outcomes: [REJECTED, AMBIGUOUS]) { line outcome reason candidates { slug matchedBy } }
    }
  }
}`;

const LIST =
  "\uFEFFcountry,name,address,sector,lat,lng,supplier_type\r\n" +
  'Viet Nam,"Example Footwear Co., Ltd.","Lot 7, Sample Industrial Park, Binh Duong",Footwear|Apparel,10.90,106.70,Tier 1\r\n' +
  "CN,Fictional Shoe Works,88 Placeholder Road Putian,Footwear,25.40,119.00,Tier 1\r\n" +
  "Atlantis,Sunken Sole Co,,,,,\r\n" +
  "VN,EXAMPLE FOOTWEAR COMPANY LIMITED,,,,\r\n";

describe("importFacilityList and the factories it makes", () => {
  let server: TestApp;
  let curator: { authorization: string };
  const statements: { text: string; values: readonly unknown[] }[] = [];

  /** Sends the mutation as a GraphQL multipart request, the file as its part "0". */
  async function upload(csv: string, input: Record<string, unknown>, headers: Record<string, string> = curator) {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: IMPORT, variables: { input: { ...input, file: null } } }));
    form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.set("0", new File([csv], "list.csv", { type: "text/csv" }));
    const response = await server.fetch(server.url, { method: "POST", body: form, headers: { accept: "application/graphql-response+json", ...headers } });
    return { status: response.status, body: (await response.json()) as { data?: { importFacilityList: Record<string, unknown> }; errors?: { extensions?: { code?: string } }[] } };
  }

  beforeAll(async () => {
    server = await createTestApp({ onStatement: (text, values) => statements.push({ text, values }) });
    curator = await server.createToken("list-curator", [TokenScope.CURATE, TokenScope.ADMIN]);
    await server.db.prisma.source.create({ data: { slug: "example-supplier-list", kind: "FACILITY_LIST", title: "Example supplier list" } });
  });
  afterAll(() => server?.close());

  it("imports an uploaded list, reporting every row; the same upload again changes nothing", async () => {
    const input = { source: "example-supplier-list", brand: "new-balance", relation: "CONTRACT" };
    // A public answer, cached: the import's committed batches must invalidate it.
    const total = async () => (await server.graphql<{ factories: { totalCount: number } }>(`{ factories { totalCount } }`)).data!.factories.totalCount;
    const before = await total();
    expect(await total()).toBe(before);
    const first = await upload(LIST, input);
    expect(await total()).toBe(before + 2);
    expect(first.status).toBe(200);
    expect(first.body.data?.importFacilityList).toMatchObject({
      __typename: "ImportFacilityListPayload",
      committed: true,
      dryRun: false,
      batches: 1,
      resumedAfterLine: null,
      columnsIgnored: ["supplier_type"],
      summary: { rows: 4, created: 2, matched: 1, ambiguous: 0, possibleDuplicates: 0, rejected: 1, citationsAdded: 2, brandRelationsAdded: 2, changes: 1 },
      rows: [
        { line: 2, outcome: "CREATED", factorySlug: "example-footwear-co-ltd", matchedBy: [], reason: null, notes: [] },
        { line: 3, outcome: "CREATED", factorySlug: "fictional-shoe-works" },
        { line: 4, outcome: "REJECTED", factorySlug: null, reason: expect.stringContaining('"Atlantis"') },
        { line: 5, outcome: "MATCHED", factorySlug: "example-footwear-co-ltd", matchedBy: ["NAME"] },
      ],
      problems: [{ line: 4, outcome: "REJECTED" }],
    });
    const again = await upload(LIST, input);
    expect(again.body.data?.importFacilityList).toMatchObject({ summary: { created: 0, matched: 3, rejected: 1, citationsAdded: 0, brandRelationsAdded: 0, changes: 0 } });

    // One audit record per committed batch, on the list's Source, naming the factories it created.
    const changes = await server.graphql<{ changes: { edges: { node: { action: string; actor: string; after: string } }[] } }>(
      `{ changes(first: 5, entityType: SOURCE) { edges { node { action actor after } } } }`, {}, curator);
    const records = changes.data?.changes.edges.map((e) => e.node).filter((n) => n.action === "IMPORT") ?? [];
    expect(records.map((n) => n.actor)).toEqual(["list-curator"]);
    expect(JSON.parse(records[0]!.after)).toMatchObject({ list: "example-supplier-list", batch: 1, created: [expect.any(Number), expect.any(Number)] });
  });

  it("matches a name spelt alike beside its pin, and reports one without a pin as a possible duplicate", async () => {
    const list =
      "country,name,address,lat,lng\r\n" +
      "CN,Fictional Shoeworks,,25.401,119.001\r\n" + // 2: "Fictional Shoe Works" (line 3 of LIST) 150 m away
      "CN,Fictional Shoe Workz,,,\r\n"; // 3: alike, no pin
    const response = await upload(list, { source: "example-supplier-list" });
    expect(response.body.data?.importFacilityList).toMatchObject({
      summary: { rows: 2, created: 1, matched: 1, possibleDuplicates: 1 },
      rows: [
        { line: 2, outcome: "MATCHED", factorySlug: "fictional-shoe-works", matchedBy: ["SIMILAR_NAME"], possibleDuplicates: [] },
        { line: 3, outcome: "CREATED", factorySlug: "fictional-shoe-workz", possibleDuplicates: [{ slug: "fictional-shoe-works", matchedBy: ["SIMILAR_NAME"] }] },
      ],
    });
  });

  it("serves the new fields, and finds factories near a point", async () => {
    const near = await server.graphql<{ factories: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      `query($near: NearInput!) { factories(filter: { near: $near }) { totalCount edges { node {
         slug address sectors city ownership location { longitude latitude }
         brandRelations { relation brand { slug } source { slug kind } }
         sources { supports source { slug } } } } } }`,
      { near: { latitude: 10.91, longitude: 106.71, radiusKm: 5 } },
    );
    expect(near.errors).toBeUndefined();
    expect(near.data?.factories).toEqual({
      totalCount: 1,
      edges: [{ node: {
        slug: "example-footwear-co-ltd",
        address: "Lot 7, Sample Industrial Park, Binh Duong",
        sectors: ["Footwear", "Apparel"],
        city: null,
        ownership: "CONTRACT",
        location: { longitude: 106.7, latitude: 10.9 },
        brandRelations: [{ relation: "CONTRACT", brand: { slug: "new-balance" }, source: { slug: "example-supplier-list", kind: "FACILITY_LIST" } }],
        sources: [{ supports: ["name", "country", "address", "latitude", "longitude", "sectors", "status", "ownership"], source: { slug: "example-supplier-list" } }],
      } }],
    });
    const far = await server.graphql<{ factories: { totalCount: number } }>(`{ factories(filter: { near: { latitude: 10.91, longitude: 106.71, radiusKm: 1 } }) { totalCount } }`);
    expect(far.data?.factories.totalCount).toBe(0);
    // Factories without coordinates have a null location; brand filters see list relations.
    const seeded = await server.graphql<{ factory: { location: null; sectors: string[] } }>(`{ factory(slug: "nb-lawrence") { location { latitude } sectors } }`);
    expect(seeded.data?.factory).toEqual({ location: null, sectors: [] });
    const byBrand = await server.graphql<{ factories: { edges: { node: { slug: string } }[] } }>(`{ factories(filter: { brand: "new-balance", country: "CN" }) { edges { node { slug } } } }`);
    expect(byBrand.data?.factories.edges.map((e) => e.node.slug)).toEqual(["fictional-shoe-works"]);
  });

  it("refuses circles that are no circles, before any SQL", async () => {
    for (const near of [{ latitude: 91, longitude: 0, radiusKm: 1 }, { latitude: 0, longitude: -181, radiusKm: 1 }, { latitude: 0, longitude: 0, radiusKm: 0 }, { latitude: 0, longitude: 0, radiusKm: 5000 }]) {
      const answer = await server.graphql(`query($near: NearInput!) { factories(filter: { near: $near }) { totalCount } }`, { near });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    }
  });

  it.runIf(TEST_POSTGRES_URL)("answers `near` from the (latitude, longitude) index on PostgreSQL", async () => {
    // One statement: a factory and its citation commit together (Factory_cited).
    await server.db.sql.query(
      `WITH grid AS (
         INSERT INTO "Factory" (slug, name, "countryCode", status, latitude, longitude, "updatedAt")
         SELECT 'grid-' || i, 'Grid Site ' || i, 'VN', 'OPERATING', 8 + (i % 100) * 0.05, 104 + (i / 100) * 0.05, now() FROM generate_series(1, 5000) AS i
         RETURNING id)
       INSERT INTO "FactorySource" ("factoryId", "sourceId") SELECT id, (SELECT id FROM "Source" WHERE slug = 'example-supplier-list') FROM grid`,
    );
    await server.db.sql.query(`ANALYZE "Factory"`);
    statements.length = 0;
    const answer = await server.graphql<{ factories: { totalCount: number } }>(`{ factories(filter: { near: { latitude: 9, longitude: 105, radiusKm: 3 } }) { totalCount } }`);
    expect(answer.data?.factories.totalCount).toBeGreaterThan(0);
    const statement = statements.at(-1)!;
    const plan = await server.db.sql.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.text}`, statement.values);
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/Factory_latitude_longitude_idx/);
  });

  it("answers with the curation errors: scope, unknown source, brand without relation", async () => {
    const reader = await server.createToken("list-reader", [TokenScope.ADMIN]);
    // Who before what: a token that may not upload is refused from the headers, before the body is read.
    const forbidden = await upload(LIST, { source: "example-supplier-list" }, reader);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    expect((await upload(LIST, { source: "no-such-list" })).body.data?.importFacilityList).toMatchObject({ __typename: "NotFoundError" });
    expect((await upload(LIST, { source: "example-supplier-list", brand: "new-balance" })).body.data?.importFacilityList).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: ["input", "relation"] }],
    });
    expect((await upload("title\nnothing\n", { source: "example-supplier-list" })).body.data?.importFacilityList).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: ["input", "file"] }],
    });
    const anonymous = await upload(LIST, { source: "example-supplier-list" }, {});
    expect(anonymous.status).toBe(401);
  });

  it("takes uploads larger than a query may be, up to the upload limit", async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `KH,Placeholder Sewing Unit ${i},${i} Example Street Phnom Penh,Footwear,,`).join("\n");
    const csv = `country,name,address,sector,lat,lng\n${rows}\n`;
    expect(csv.length).toBeGreaterThan(256 * 1024);
    const answer = await upload(csv, { source: "example-supplier-list", dryRun: true });
    expect(answer.body.data?.importFacilityList).toMatchObject({ committed: false, dryRun: true, summary: { created: 6000 } });
    expect(await server.db.prisma.factory.count({ where: { countryCode: "KH" } })).toBe(0);
  });
});
