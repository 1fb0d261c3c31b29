import { TokenScope } from "@solegraph/db";
import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, SolegraphError, type SolegraphClient } from "../src/index.ts";

// Curators' writes through the SDK against a real server: each method resolves to the
// mutation's result union, discriminated by __typename.
let server: TestServer;
let curator: SolegraphClient;
let admin: SolegraphClient;
let anonymous: SolegraphClient;

beforeAll(async () => {
  server = await startTestServer();
  const curatorToken = await server.createToken("sdk-curator");
  const adminToken = await server.createToken("sdk-auditor", [TokenScope.ADMIN]);
  curator = createClient({ url: server.url, headers: { authorization: curatorToken.authorization } });
  admin = createClient({ url: server.url, headers: () => ({ authorization: adminToken.authorization }) });
  anonymous = createClient({ url: server.url });
});

afterAll(async () => {
  await server?.close();
});

const exampleWorks = {
  slug: "example-works",
  name: "Example Works",
  ownership: "OWNED",
  status: "OPERATING",
  city: "Exampleton",
  region: "New Hampshire",
  country: "US",
  operatorBrand: "new-balance",
  openedYear: 2026,
  workforce: 120,
  workforceYear: 2026,
  citations: [
    {
      source: "manufacturing-net-2023-12-05",
      locator: "https://www.manufacturing.net/operations/news/22880869/new-balance-breaks-ground-on-new-hampshire-factory#:~:text=New%20Balance%20currently%20employs",
      statement: "Example statement for a fictional factory (test data).",
      supports: ["status"],
    },
  ],
} as const;

describe("curating through the SDK", () => {
  it("read-modify-write: a read carries the id and version the update expects", async () => {
    // As in the README: read, change, write back with the version read.
    const factory = await curator.factory({ slug: "nb-skowhegan" });
    if (!factory) throw new Error("the seed has no nb-skowhegan");
    const result = await curator.updateFactory({ input: { id: factory.id, expectedVersion: factory.version, notes: "Example note (fictional)." } });
    if (result.__typename !== "UpdateFactoryPayload") throw new Error(`expected the payload, got ${JSON.stringify(result)}`);
    // The payload is the whole card again: ready for the next write.
    expect(result.factory).toMatchObject({ id: factory.id, slug: factory.slug, version: factory.version + 1, city: factory.city });
    // A second writer still holding the old version is refused, and nothing changes.
    const stale = await curator.updateFactory({ input: { id: factory.id, expectedVersion: factory.version, notes: "Lost update." } });
    expect(stale).toMatchObject({ __typename: "ConflictError", reason: "STALE_VERSION", currentVersion: factory.version + 1 });
  });

  it("createFactory resolves to the payload with the new factory", async () => {
    const result = await curator.createFactory({ input: exampleWorks });
    if (result.__typename !== "CreateFactoryPayload") throw new Error(`expected the payload, got ${JSON.stringify(result)}`);
    // Narrowed by __typename: `factory` is typed.
    expect(result.factory).toMatchObject({ slug: "example-works", name: "Example Works", version: 1, country: { code: "US" } });

    const updated = await curator.updateFactory({ input: { id: "example-works", expectedVersion: 1, workforce: 140, workforceYear: 2027 } });
    expect(updated).toMatchObject({ __typename: "UpdateFactoryPayload", factory: { slug: "example-works", version: 2 } });
  });

  it("an invalid input resolves to a ValidationError listing every issue", async () => {
    const result = await curator.createFactory({ input: { ...exampleWorks, slug: "Not A Slug!", openedYear: 3000 } });
    if (result.__typename !== "ValidationError") throw new Error(`expected a ValidationError, got ${JSON.stringify(result)}`);
    expect(result.message).toEqual(expect.any(String));
    const paths = result.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["input.slug", "input.openedYear"]));
    for (const issue of result.issues) expect(issue.message).toEqual(expect.any(String));
  });

  it("a stale expectedVersion resolves to a ConflictError with the current version", async () => {
    const result = await curator.updateFactory({ input: { id: "example-works", expectedVersion: 1, notes: "stale" } });
    if (result.__typename !== "ConflictError") throw new Error(`expected a ConflictError, got ${JSON.stringify(result)}`);
    expect(result.reason).toBe("STALE_VERSION");
    expect(result.currentVersion).toBe(2);
  });

  it("recordClaim keeps what a source says as a claim, and retractClaim takes it back", async () => {
    const model = await anonymous.model({ slug: "993" });
    const recorded = await curator.recordClaim({
      input: {
        source: "just-style-2022-03-30",
        subject: model!.id,
        topic: "MADE_IN",
        country: "US",
        statement: "Example: the 993 is made in the USA.",
        locator: "https://www.just-style.com/news/new-balance-expands-us-production-with-latest-factory/#:~:text=New%20Balance%20claims",
      },
    });
    if (recorded.__typename !== "RecordClaimPayload") throw new Error(`expected the payload, got ${JSON.stringify(recorded)}`);
    expect(recorded.claim).toMatchObject({ topic: "MADE_IN", stance: "ASSERTS", version: 1, subject: { __typename: "SneakerModel", slug: "993" } });
    const retracted = await curator.retractClaim({ input: { id: recorded.claim.id, expectedVersion: 1 } });
    expect(retracted).toEqual({ __typename: "RetractClaimPayload", deletedId: recorded.claim.id });
  });

  it("a write without a token rejects with a SolegraphError: 401 UNAUTHENTICATED", async () => {
    const error = await anonymous.createFactory({ input: { ...exampleWorks, slug: "nb-anonymous" } }).catch((caught: unknown) => caught);
    expect(SolegraphError.is(error)).toBe(true);
    expect(error).toMatchObject({ kind: "graphql", status: 401, code: "UNAUTHENTICATED" });
  });

  it("changes reads the audit trail with an admin token, and paginates it", async () => {
    const trail = await admin.changes({ first: 10 });
    expect(trail.edges.map((edge) => `${edge.node.action} ${edge.node.entityType} ${edge.node.actor}`)).toEqual([
      "DELETE CLAIM sdk-curator",
      "CREATE CLAIM sdk-curator",
      "UPDATE FACTORY sdk-curator",
      "CREATE FACTORY sdk-curator",
      "UPDATE FACTORY sdk-curator",
    ]);
    const factoryId = trail.edges[3]?.node.entityId;
    expect(JSON.parse(trail.edges[2]?.node.after ?? "null")).toMatchObject({ workforce: 140, version: 2 });

    const all = [];
    for await (const change of admin.paginate.changes({ entity: factoryId }, { pageSize: 1 })) all.push(change.action);
    expect(all).toEqual(["UPDATE", "CREATE"]);

    const error = await anonymous.changes({ first: 1 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });
});

describe("importFacilityList", () => {
  it("uploads a facility list as a multipart request and resolves to the per-row outcomes", async () => {
    const created = await curator.createSource({ input: { slug: "sdk-example-list", kind: "FACILITY_LIST", title: "An example facility list" } });
    expect(created.__typename).toBe("CreateSourcePayload");
    const file = new File(["country,name,address,sector,lat,lng\nVN,Example SDK Footwear Co. Ltd,1 Sample Road Hanoi,Footwear,21.0,105.8\nXX,Nowhere Shoes,,,,\n"], "list.csv", {
      type: "text/csv",
    });
    const result = await curator.importFacilityList({ input: { file, source: "sdk-example-list", brand: "new-balance", relation: "CONTRACT" } });
    if (result.__typename !== "ImportFacilityListPayload") throw new Error(result.__typename);
    expect(result.committed).toBe(true);
    expect(result.summary).toMatchObject({ rows: 2, created: 1, rejected: 1 });
    expect(result.rows.map((row) => [row.line, row.outcome, row.factorySlug])).toEqual([
      [2, "CREATED", "example-sdk-footwear-co-ltd"],
      [3, "REJECTED", null],
    ]);
    const rejected = await curator.importFacilityList({ input: { file, source: "sdk-example-list", dryRun: true }, outcomes: ["REJECTED"] });
    if (rejected.__typename !== "ImportFacilityListPayload") throw new Error(rejected.__typename);
    expect(rejected.rows).toEqual([expect.objectContaining({ line: 3, reason: expect.stringContaining('"XX"') })]);
  });
});
