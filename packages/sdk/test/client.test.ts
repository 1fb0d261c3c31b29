import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, ModelDocument, type SolegraphClient } from "../src/index.ts";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

// Every method against a real server on a real port over the seed dataset.
let server: TestServer;
let sg: SolegraphClient;

beforeAll(async () => {
  server = await startTestServer();
  sg = createClient({ url: server.url });
});

afterAll(async () => {
  await server?.close();
});

const slugs = (connection: { edges: ReadonlyArray<{ node: { slug: string } }> }) => connection.edges.map((edge) => edge.node.slug);

describe("models", () => {
  it("model returns the model, with a made-in-USA verdict, its basis and its evidence", async () => {
    const model = await sg.model({ slug: "990" });
    expect(model?.name).toBe("990");
    expect(model?.brand.slug).toBe("new-balance");
    expect(model?.madeInUsa).toMatchObject({ status: "YES", basis: "REPORTED", labelClaims: [] });
    expect(model?.madeInUsa.factories.map((factory) => factory.name)).toEqual(["New Balance Lawrence"]);
    expect(model?.madeInUsa.sources.map((citation) => citation.source.independent)).toEqual([true, true]);
    // Each citation points at its passage and says what it states.
    for (const citation of model?.madeInUsa.sources ?? []) {
      expect(citation.locator).toMatch(/#:~:text=/);
      expect(citation.statement).toEqual(expect.any(String));
      expect(citation.retrievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(model?.madeInUsa.supportingClaims.map((claim) => claim.source.kind)).toEqual(["MARKETING"]);
    const [production] = model?.productions.edges ?? [];
    expect(production?.node).toMatchObject({ evidence: "REPORTED", factory: { slug: "nb-lawrence" } });
    expect(production?.node.route.map((step) => step.step.slug)).toContain("stitching");
  });

  it("model says the Hierro's US production is only claimed: CLAIMED, never YES", async () => {
    const model = await sg.model({ slug: "fresh-foam-hierro-v5" });
    expect(model?.madeInUsa).toMatchObject({ status: "CLAIMED", basis: "CLAIMED_ONLY", factories: [] });
    expect(model?.claims.map((claim) => [claim.topic, claim.source.slug])).toEqual([["MADE_IN", "seed-article"]]);
  });

  it("series answers for a whole model line", async () => {
    const series = await sg.series({ name: "990" });
    expect(series?.models.map((model) => model.slug)).toEqual(["990", "990v5", "990v6"]);
    expect(series?.madeInUsa.factories.map((factory) => factory.slug)).toEqual(["nb-lawrence", "nb-methuen", "nb-skowhegan"]);
    expect(await sg.series({ name: "no-such-line" })).toBeNull();
  });

  it("model says NO for the 991 on a passage that says so, with Flimby among its factories", async () => {
    const model = await sg.model({ slug: "991" });
    expect(model?.madeInUsa).toMatchObject({ status: "NO", basis: "REPORTED" });
    expect(model?.madeInUsa.supportingClaims.map((claim) => [claim.stance, claim.source.slug])).toEqual([["DENIES", "100wears-991"]]);
    const factories = model?.productions.edges.map((edge) => edge.node.factory?.slug);
    expect(factories).toContain("nb-flimby");
    expect(model?.madeIn.map((verdict) => [verdict.country.code, verdict.status])).toEqual([
      ["GB", "YES"],
      ["US", "NO"],
    ]);
    // Silence is not a no: nothing says whether the 576 is made in the USA.
    expect((await sg.model({ slug: "576" }))?.madeInUsa).toMatchObject({ status: "UNKNOWN", basis: "NONE" });
  });

  it("model returns null for an unknown slug", async () => {
    expect(await sg.model({ slug: "no-such-model" })).toBeNull();
  });

  it("models returns the connection, filtered", async () => {
    const all = await sg.models();
    expect(all.totalCount).toBe(10);
    const usa = await sg.models({ filter: { madeIn: "US" }, orderBy: { field: "SLUG" } });
    expect(slugs(usa)).toEqual(["990", "990v5", "990v6", "998"]);
    expect(usa.pageInfo.hasNextPage).toBe(false);
  });
});

describe("factories", () => {
  it("factories filtered by country US returns its 6 factories", async () => {
    const page = await sg.factories({ filter: { country: "US" }, first: 10 });
    expect(page.totalCount).toBe(6);
    expect(slugs(page).sort()).toEqual(
      ["nb-lawrence", "nb-methuen", "nb-skowhegan", "nb-norridgewock", "nb-norway", "nb-londonderry"].sort(),
    );
    expect(page.edges.every((edge) => edge.cursor.length > 0)).toBe(true);
  });

  it("factories filtered by status OPERATING in the US returns 4", async () => {
    const page = await sg.factories({ filter: { country: "US", status: "OPERATING" } });
    expect(page.totalCount).toBe(4);
    expect(page.edges.every((edge) => edge.node.status === "OPERATING")).toBe(true);
  });

  it("factory returns the site with its steps, productions and sources", async () => {
    const factory = await sg.factory({ slug: "nb-lawrence" });
    expect(factory?.name).toBe("New Balance Lawrence");
    expect(factory?.country.code).toBe("US");
    expect(factory?.operatorBrand?.slug).toBe("new-balance");
    expect(factory?.processSteps.map((step) => step.slug)).toContain("stitching");
    expect(factory?.productions.edges.map((edge) => edge.node.model.slug)).toContain("990");
    expect(await sg.factory({ slug: "nowhere" })).toBeNull();
  });
});

describe("brands", () => {
  it("brands returns all 5, and `search` narrows them", async () => {
    const page = await sg.brands();
    expect(page.totalCount).toBe(5);
    expect(slugs(page)).toContain("new-balance");
    expect(slugs(await sg.brands({ search: "bal" }))).toEqual(["new-balance"]);
  });

  it("brand returns the brand with its first page of models and factories", async () => {
    const brand = await sg.brand({ slug: "new-balance" });
    expect(brand?.name).toBe("New Balance");
    expect(brand?.headquartersCountry?.code).toBe("US");
    expect(brand?.models.totalCount).toBe(10);
    expect(slugs(brand?.factories ?? { edges: [] })).toContain("nb-flimby");
    expect(brand?.productionByCountry.countries.map((country) => [country.countryCode, country.recorded])).toEqual([
      ["US", true],
      ["GB", true],
      ["CN", false],
      ["ID", false],
      ["VN", false],
    ]);
    expect(brand?.productionByCountry.claims.map((claim) => [claim.topic, claim.sharePercent])).toEqual([
      ["PRODUCTION_SHARE", 25],
      ["SALES_SHARE", 25],
      ["SALES_SHARE", null],
    ]);
  });
});

describe("vocabulary and sources", () => {
  it("processSteps returns the 9 steps in canonical order", async () => {
    const page = await sg.processSteps();
    expect(page.totalCount).toBe(9);
    expect(page.edges.map((edge) => edge.node.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(slugs(page)).toEqual([
      "design",
      "sourcing",
      "cutting",
      "stitching",
      "lasting",
      "heat-welding",
      "finishing",
      "testing",
      "packaging",
    ]);
  });

  it("processStep returns one step", async () => {
    const step = await sg.processStep({ slug: "stitching" });
    expect(step).toMatchObject({ slug: "stitching", position: 4 });
  });

  it("materials returns the 5 materials", async () => {
    const page = await sg.materials();
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((edge) => `${edge.node.slug}:${edge.node.kind}`)).toContain("leather:LEATHER");
  });

  it("sources and source return the cited sources", async () => {
    const page = await sg.sources();
    expect(page.totalCount).toBe(41);
    const source = await sg.source({ slug: "highsnobiety-2015-08-12" });
    expect(source).toMatchObject({ publisher: "Highsnobiety", publishedOn: "2015-08-12", title: null, label: "Highsnobiety, 2015-08-12", kind: "EDITORIAL" });
    const article = await sg.source({ slug: "seed-article", claimsFirst: 2 });
    expect(article?.claims.totalCount).toBeGreaterThan(2);
    const claims = await sg.claims({ filter: { topic: "MADE_IN", source: "seed-article" } });
    expect(claims.edges.map((edge) => edge.node.subject.__typename === "SneakerModel" && edge.node.subject.slug)).toContain("fresh-foam-hierro-v5");
  });
});

describe("search and nodes", () => {
  it("search finds Fresh Foam Hierro v5 despite the typo", async () => {
    const hits = await sg.search({ query: "hierro" });
    expect(hits[0]).toMatchObject({ match: "PARTIAL", result: { __typename: "SneakerModel", name: "Fresh Foam Hierro v5" } });
    // A typo is answered with a suggestion, marked as one.
    const typo = await sg.search({ query: "hiero" });
    expect(typo.map((hit) => hit.result.__typename === "SneakerModel" && [hit.match, hit.result.slug])).toContainEqual(["SUGGESTION", "fresh-foam-hierro-v5"]);
  });

  it("node and nodes resolve global IDs, null for unknown ones", async () => {
    const model = await sg.model({ slug: "990v5" });
    const factory = await sg.factory({ slug: "nb-flimby" });
    const node = await sg.node({ id: model!.id });
    expect(node).toMatchObject({ __typename: "SneakerModel", slug: "990v5" });
    const nodes = await sg.nodes({ ids: [factory!.id, "unknown", model!.id] });
    expect(nodes.map((found) => found && found.__typename)).toEqual(["Factory", null, "SneakerModel"]);
  });
});

describe("request(): the consumer's own documents", () => {
  it("runs a TypedDocumentNode and returns the whole data", async () => {
    const data = await sg.request(ModelDocument, { slug: "990v5" });
    expect(data.model?.slug).toBe("990v5");
  });

  it("runs a parsed document with its declared types", async () => {
    const document: TypedDocumentNode<{ brands: { totalCount: number }; processStep: { name: string } | null }, { step: string }> =
      parse(`query Mine($step: String!) { brands { totalCount } processStep(slug: $step) { name } }`);
    const data = await sg.request(document, { step: "lasting" });
    expect(data).toEqual({ brands: { totalCount: 5 }, processStep: { name: "Lasting" } });
  });

  it("runs query text", async () => {
    const data = await sg.request<{ factory: { city: string } }>(`query { factory(slug: "nb-flimby") { city } }`);
    expect(data.factory.city).toBe("Flimby");
  });
});
