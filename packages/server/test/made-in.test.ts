import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

describe("provenance answers over HTTP", () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await createTestApp();
  });
  afterAll(() => server?.close());

  const verdictQuery = /* GraphQL */ `
    query Verdict($slug: String!) {
      model(slug: $slug) {
        name
        madeIn { code name }
        madeInUsa {
          countryCode status labelClaims volumeShare
          factories { slug name country { code } }
          sources { source { slug title url } quote }
        }
        productions(first: 10) { edges { node { labelClaim factory { slug } country { code } } } }
      }
    }`;

  it("says the 990 is made in the USA, with the US factories that make it and their sources", async () => {
    const { data, errors } = await server.graphql<{ model: any }>(verdictQuery, { slug: "990v6" });
    expect(errors).toBeUndefined();
    expect(data!.model.madeIn).toEqual([{ code: "US", name: "United States of America" }]);
    expect(data!.model.madeInUsa).toMatchObject({
      countryCode: "US",
      status: "YES",
      labelClaims: ["Made in USA"],
      volumeShare: null,
      factories: [{ slug: "nb-lawrence", name: "New Balance Lawrence", country: { code: "US" } }],
    });
    expect(data!.model.madeInUsa.sources.map((c: any) => c.source.slug).sort()).toEqual([
      "manufacturing-net-2023-12-05",
      "seed-article",
    ]);

    const v5 = await server.graphql<{ model: any }>(verdictQuery, { slug: "990v5" });
    expect(v5.data!.model.madeInUsa.status).toBe("YES");
    expect(v5.data!.model.madeInUsa.factories.map((f: any) => f.slug)).toEqual(["nb-methuen"]);
  });

  it("says a Made in UK model is not made in the USA, with Flimby among its factories", async () => {
    const { data } = await server.graphql<{ model: any }>(verdictQuery, { slug: "991" });
    expect(data!.model.madeInUsa).toMatchObject({ status: "NO", factories: [], labelClaims: [] });
    expect(data!.model.madeIn.map((c: any) => c.code)).toEqual(["GB"]);
    const factories = data!.model.productions.edges.map((e: any) => e.node.factory?.slug);
    expect(factories).toContain("nb-flimby");
    expect(data!.model.productions.edges[0].node.labelClaim).toBe("Made in UK");
    expect(data!.model.madeInUsa.sources.map((c: any) => c.source.slug)).toEqual(["visitflimby-30-years"]);
  });

  it("records the seed article's Hierro claim with its single source", async () => {
    const { data } = await server.graphql<{ model: any }>(verdictQuery, { slug: "fresh-foam-hierro-v5" });
    expect(data!.model.madeInUsa).toMatchObject({ status: "YES", factories: [], labelClaims: ["Made in USA"] });
    expect(data!.model.madeInUsa.sources.map((c: any) => c.source.slug)).toEqual(["seed-article"]);
  });

  it("gives New Balance's production by country, with the one-quarter claim as a claim", async () => {
    const { data, errors } = await server.graphql<{ brand: any }>(`{
      brand(slug: "new-balance") {
        productionByCountry {
          countries { countryCode productionCount productionShare factoryCount knownVolume volumeShare }
          claims { statement sharePercent country { code } source { slug title } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const { countries, claims } = data!.brand.productionByCountry;
    expect(countries).toEqual([
      { countryCode: "US", productionCount: 6, productionShare: 6 / 9, factoryCount: 5, knownVolume: null, volumeShare: null },
      { countryCode: "GB", productionCount: 3, productionShare: 3 / 9, factoryCount: 1, knownVolume: null, volumeShare: null },
    ]);
    expect(claims).toContainEqual({
      statement: "Only around one-quarter of New Balance's total shoe production occurs within American borders.",
      sharePercent: 25,
      country: { code: "US" },
      source: { slug: "seed-article", title: "Are New Balance sneakers made in the USA?" },
    });
    expect(claims.map((c: any) => c.source.slug)).toContain("manufacturing-net-2023-12-05");
  });

  it("lists what a factory performs, in canonical order", async () => {
    const { data } = await server.graphql<{ factory: any }>(`{
      factory(slug: "nb-methuen") {
        processSteps { slug position }
        productions(first: 5) { totalCount edges { node { model { slug } route { position technique step { slug } } } } }
      }
    }`);
    expect(data!.factory.processSteps.map((s: any) => s.slug)).toEqual([
      "cutting", "stitching", "lasting", "finishing", "testing", "packaging",
    ]);
    const route = data!.factory.productions.edges[0].node.route;
    expect(route.map((r: any) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(route[1]).toMatchObject({ step: { slug: "stitching" }, technique: expect.stringMatching(/strobel/) });
  });

  it("finds Fresh Foam Hierro v5 for the typo 'hiero'", async () => {
    const { data } = await server.graphql<{ search: any[] }>(`{
      search(query: "hiero") { __typename ... on SneakerModel { slug } ... on Brand { slug } ... on Factory { slug } }
    }`);
    expect(data!.search[0]).toEqual({ __typename: "SneakerModel", slug: "fresh-foam-hierro-v5" });
    const brands = await server.graphql<{ search: any[] }>(`{ search(query: "new balanse", first: 3) { __typename ... on Brand { slug } } }`);
    expect(brands.data!.search[0]).toEqual({ __typename: "Brand", slug: "new-balance" });
  });
});
