import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { mutate, type Outcome } from "./support/curation.ts";
import { citation } from "./support/passages.ts";

const VERDICT = `
  country { code } status basis labelClaims volumeShare
  factories { slug }
  productions { slug evidence }
  sources { source { slug independent } quote locator statement retrievedOn }
  supportingClaims { statement quote locator stance source { slug kind } }
  conflictingClaims { statement stance source { slug kind } }
`;

describe("provenance answers over HTTP", () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await createTestApp();
  });
  afterAll(() => server?.close());

  const model = async (slug: string) => {
    const { data, errors } = await server.graphql<{ model: any }>(
      `query($slug: String!) { model(slug: $slug) { name madeIn { ${VERDICT} } madeInUsa { ${VERDICT} } claims { topic statement } } }`,
      { slug },
    );
    expect(errors).toBeUndefined();
    return data!.model;
  };

  it("answers \"is the 990 made in the USA?\" across the line's versions: Lawrence, Methuen and Skowhegan, reported, each source pointing at its passage", async () => {
    const { data, errors } = await server.graphql<{ series: any }>(`{ series(name: "990") { name models { slug } madeInUsa { ${VERDICT} } } }`);
    expect(errors).toBeUndefined();
    const { series } = data!;
    expect(series.models.map((m: any) => m.slug)).toEqual(["990", "990v5", "990v6"]);
    expect(series.madeInUsa).toMatchObject({
      country: { code: "US" },
      status: "YES",
      basis: "REPORTED",
      // No passage gives the label's words for these plants: none is claimed for them.
      labelClaims: [],
      factories: [{ slug: "nb-lawrence" }, { slug: "nb-methuen" }, { slug: "nb-skowhegan" }],
      productions: [
        { slug: "990-lawrence", evidence: "REPORTED" },
        { slug: "990v5-lawrence", evidence: "REPORTED" },
        { slug: "990v5-methuen", evidence: "REPORTED" },
        { slug: "990v6-skowhegan", evidence: "REPORTED" },
      ],
      conflictingClaims: [],
    });
    // Every source behind it is independent, and points at the passage that names the model and the town.
    for (const citation of series.madeInUsa.sources) {
      expect(citation.source.independent, citation.source.slug).toBe(true);
      expect(citation.locator, citation.source.slug).toMatch(/^https?:\/\/[^#]+#:~:text=/);
      expect(citation.statement.length, citation.source.slug).toBeGreaterThan(20);
      expect(citation.retrievedOn).toBe("2026-12-03");
    }
    // The article's "manufactured exclusively in America" agrees, and is shown as what it is: a claim.
    expect(series.madeInUsa.supportingClaims).toEqual([
      expect.objectContaining({ stance: "ASSERTS", source: { slug: "seed-article", kind: "MARKETING" } }),
    ]);
    const byName = await server.graphql<{ series: any }>(`{ series(name: "990", brand: "new-balance") { name } none: series(name: "no-such-line") { name } }`);
    expect(byName.data).toEqual({ series: { name: "990" }, none: null });
  });

  it("answers CLAIMED, never YES, for the Hierro: only the marketing article says it is made in the USA", async () => {
    const hierro = await model("fresh-foam-hierro-v5");
    expect(hierro.madeInUsa).toMatchObject({
      status: "CLAIMED",
      basis: "CLAIMED_ONLY",
      factories: [],
      productions: [],
      sources: [],
      conflictingClaims: [],
    });
    expect(hierro.madeInUsa.supportingClaims).toEqual([
      {
        statement: "The seed article lists the Fresh Foam Hierro v5 in New Balance's made-in-USA range.",
        quote: expect.stringContaining("hiking boots like Fresh Foam Hierro v5"),
        locator: expect.stringMatching(/^https:\/\/godshoe\.me\/.*#:~:text=/),
        stance: "ASSERTS",
        source: { slug: "seed-article", kind: "MARKETING" },
      },
    ]);
    expect(hierro.madeIn).toEqual([hierro.madeInUsa]);
    // The 992: a buyer's blog and the article say made in the USA; no passage names a factory.
    expect((await model("992")).madeInUsa).toMatchObject({ status: "CLAIMED", basis: "CLAIMED_ONLY", factories: [] });
  });

  it("answers NO for the USA only where a passage says so, and UNKNOWN where sources are silent", async () => {
    const m991 = await model("991");
    expect(m991.madeInUsa).toMatchObject({ status: "NO", basis: "REPORTED", factories: [], labelClaims: [], sources: [] });
    expect(m991.madeInUsa.supportingClaims).toEqual([expect.objectContaining({ stance: "DENIES", source: { slug: "100wears-991", kind: "EDITORIAL" } })]);
    expect(m991.madeIn.map((v: any) => [v.country.code, v.status, v.basis])).toEqual([
      ["GB", "YES", "REPORTED"],
      ["US", "NO", "REPORTED"],
    ]);
    expect(m991.madeIn[0]).toMatchObject({ factories: [{ slug: "nb-flimby" }], labelClaims: ["Made in the UK"] });
    // The 576 is reported at Flimby; nothing says whether it is made in the USA too.
    const m576 = await model("576");
    expect(m576.madeInUsa).toMatchObject({ status: "UNKNOWN", basis: "NONE", supportingClaims: [], conflictingClaims: [] });
    expect(m576.madeIn.map((v: any) => [v.country.code, v.status])).toEqual([["GB", "YES"]]);
    // The 1500: reported at Flimby; only a reseller says a US factory makes it too.
    expect((await model("1500")).madeInUsa).toMatchObject({ status: "CLAIMED", basis: "CLAIMED_ONLY" });
  });

  it("gives New Balance's production by country as counts of records, the countries only sources name, and the share claims side by side", async () => {
    const { data, errors } = await server.graphql<{ brand: any }>(`{
      brand(slug: "new-balance") {
        productionByCountry {
          countries { countryCode recorded productionCount factoryCount knownVolume volumeShare claims { statement source { slug kind independent } } }
          claims { topic statement sharePercent quote country { code } source { slug label kind } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const { countries, claims } = data!.brand.productionByCountry;
    expect(countries.map((c: any) => [c.countryCode, c.recorded, c.productionCount, c.factoryCount, c.knownVolume, c.volumeShare])).toEqual([
      ["US", true, 5, 4, null, null],
      ["GB", true, 3, 1, null, null],
      ["CN", false, 0, 0, null, null],
      ["ID", false, 0, 0, null, null],
      ["VN", false, 0, 0, null, null],
    ]);
    // Where no factory is recorded, the answer is what independent sources say, each with its source.
    for (const country of countries.filter((c: any) => !c.recorded)) {
      expect(country.claims.length, country.countryCode).toBeGreaterThan(0);
      expect(country.claims.every((c: any) => c.source.independent), country.countryCode).toBe(true);
    }
    expect(claims.map((c: any) => [c.topic, c.sharePercent, c.source.slug, c.source.kind])).toEqual([
      ["PRODUCTION_SHARE", 25, "seed-article", "MARKETING"],
      ["SALES_SHARE", 25, "bangor-daily-news-2012-07-18", "NEWS"],
      ["SALES_SHARE", null, "manufacturing-net-2023-12-05", "BRAND"],
    ]);
    expect(claims[0]).toMatchObject({ quote: "only around one-quarter of New Balance’s total shoe production occurs within American borders", source: { label: "Are New Balance sneakers made in the USA?" } });
  });

  it("lists what a factory performs, in canonical order, only where a passage describes that plant", async () => {
    const { data } = await server.graphql<{ lawrence: any; methuen: any }>(`{
      lawrence: factory(slug: "nb-lawrence") {
        processSteps { slug position }
        productions(first: 5) { totalCount edges { node { model { slug } route { position technique step { slug } } sources { source { slug } } } } }
      }
      methuen: factory(slug: "nb-methuen") { processSteps { slug } }
    }`);
    expect(data!.lawrence.processSteps.map((s: any) => s.slug)).toEqual(["stitching", "lasting"]);
    expect(data!.lawrence.productions.edges[0].node.route.map((r: any) => [r.position, r.step.slug])).toEqual([
      [1, "stitching"],
      [2, "lasting"],
    ]);
    expect(data!.methuen.processSteps).toEqual([]);
  });

  it("answers an exact name as such, and offers a neighbour only as a suggestion", async () => {
    const search = async (query: string) => {
      const { data, errors } = await server.graphql<{ search: any[] }>(
        `query($q: String!) { search(query: $q, first: 5) { match result { __typename ... on SneakerModel { slug } ... on Brand { slug } ... on Factory { slug } } } }`,
        { q: query },
      );
      expect(errors).toBeUndefined();
      return data!.search.map((hit) => [hit.match, hit.result.slug]);
    };
    // There is no 574: the 576 is offered, marked as a suggestion.
    expect(await search("574")).toEqual([["SUGGESTION", "576"]]);
    // A typo finds the Hierro, as a suggestion; the start of its name finds it as a partial match.
    expect((await search("hiero"))[0]).toEqual(["SUGGESTION", "fresh-foam-hierro-v5"]);
    expect((await search("hierro"))[0]).toEqual(["PARTIAL", "fresh-foam-hierro-v5"]);
    // "990" is a model's name and a series: the line's versions are exact matches, before any neighbour.
    expect((await search("990")).slice(0, 3)).toEqual([
      ["EXACT", "990"],
      ["EXACT", "990v5"],
      ["EXACT", "990v6"],
    ]);
    expect((await search("new balanse"))[0]).toEqual(["SUGGESTION", "new-balance"]);
    expect((await search("Flimby"))[0]).toEqual(["EXACT", "nb-flimby"]);
  });
});

// The verdict rules on curated, fictional data: what each combination of reported
// productions and claims answers, and on what basis.
describe("made-in verdicts say what they rest on", () => {
  let server: TestApp;
  let curator: { authorization: string };
  const write = async (name: string, inputType: string, payload: string, input: Record<string, unknown>) => {
    const outcome: Outcome = await mutate(server, name, inputType, payload, input, curator);
    expect(outcome.__typename, JSON.stringify(outcome)).toBe(`${name[0]!.toUpperCase()}${name.slice(1)}Payload`);
    return outcome;
  };
  const ids = new Map<string, string>();

  beforeAll(async () => {
    server = await createTestApp();
    curator = await server.createToken("example-curator");
    const source = (slug: string, kind: string) => write("createSource", "CreateSourceInput", "source { slug }", { slug, kind, publisher: `Example ${kind}` });
    const cited = (source: string) => citation(source, { words: "Example", statement: `What ${source} says.` });
    await source("example-news", "NEWS");
    await source("example-brand-site", "BRAND");
    await source("example-advert", "MARKETING");
    await write("createBrand", "CreateBrandInput", "brand { slug }", { slug: "example-brand", name: "Example Brand" });
    await write("createFactory", "CreateFactoryInput", "factory { slug }", {
      slug: "example-factory-us", name: "Example Factory US", ownership: "CONTRACT", status: "OPERATING", city: "Exampleton", country: "US",
      citations: [cited("example-news")],
    });
    await write("createFactory", "CreateFactoryInput", "factory { slug }", {
      slug: "example-factory-vn", name: "Example Factory VN", ownership: "CONTRACT", status: "OPERATING", city: "Exampleville", country: "VN",
      citations: [cited("example-brand-site")],
    });
    await write("createFactory", "CreateFactoryInput", "factory { slug }", {
      slug: "example-factory-vn-reported", name: "Example Factory VN Two", ownership: "CONTRACT", status: "OPERATING", city: "Exampleburg", country: "VN",
      citations: [cited("example-news")],
    });
    for (const slug of ["example-reported", "example-claimed", "example-disputed", "example-contested", "example-nothing", "example-denied", "example-elsewhere"]) {
      const created = await write("createModel", "CreateModelInput", "model { id }", { slug, name: slug, brand: "example-brand", series: "Example Line" });
      ids.set(slug, (created["model"] as { id: string }).id);
    }
    const production = (model: string, factory: string, source: string) =>
      write("recordProduction", "RecordProductionInput", "production { slug }", { model, factory, citations: [cited(source)] });
    const claim = (model: string, source: string, country: string, stance = "ASSERTS") =>
      write("recordClaim", "RecordClaimInput", "claim { id }", { ...cited(source), subject: ids.get(model), topic: "MADE_IN", stance, country, statement: `${model} ${stance} ${country}` });
    // Reported in the US by the news, and the brand's site says so too.
    await production("example-reported", "example-factory-us", "example-news");
    await claim("example-reported", "example-brand-site", "US");
    // Only the brand's own site records its production (in Vietnam); an advert says USA.
    await production("example-claimed", "example-factory-vn", "example-brand-site");
    await claim("example-claimed", "example-advert", "US");
    // Reported in the US, but an advert denies it.
    await production("example-disputed", "example-factory-us", "example-news");
    await claim("example-disputed", "example-advert", "US", "DENIES");
    // Claims only, and they contradict each other.
    await claim("example-contested", "example-advert", "US");
    await claim("example-contested", "example-brand-site", "US", "DENIES");
    // Only a denial, by the news.
    await claim("example-denied", "example-news", "US", "DENIES");
    // Reported in Vietnam, and nothing said of the USA.
    await production("example-elsewhere", "example-factory-vn-reported", "example-news");
  });
  afterAll(() => server?.close());

  const verdict = async (slug: string) => {
    const { data, errors } = await server.graphql<{ model: any }>(
      `query($slug: String!) { model(slug: $slug) { madeInUsa { status basis supportingClaims { statement } conflictingClaims { statement } } madeIn { country { code } status basis } } }`,
      { slug },
    );
    expect(errors).toBeUndefined();
    return data!.model;
  };

  it("reported and agreed: YES on the reported basis, the agreeing claim beside it", async () => {
    const { madeInUsa } = await verdict("example-reported");
    expect(madeInUsa).toEqual({ status: "YES", basis: "REPORTED", supportingClaims: [{ statement: "example-reported ASSERTS US" }], conflictingClaims: [] });
  });

  it("the brand's and an advert's word only: CLAIMED in each country they name, never YES", async () => {
    const { madeInUsa, madeIn } = await verdict("example-claimed");
    expect(madeInUsa).toEqual({ status: "CLAIMED", basis: "CLAIMED_ONLY", supportingClaims: [{ statement: "example-claimed ASSERTS US" }], conflictingClaims: [] });
    expect(madeIn).toEqual([
      { country: { code: "US" }, status: "CLAIMED", basis: "CLAIMED_ONLY" },
      { country: { code: "VN" }, status: "CLAIMED", basis: "CLAIMED_ONLY" },
    ]);
  });

  it("a passage denying it and nothing reported: NO, on the independent source that says so", async () => {
    const { madeInUsa } = await verdict("example-denied");
    expect(madeInUsa).toEqual({ status: "NO", basis: "REPORTED", supportingClaims: [{ statement: "example-denied DENIES US" }], conflictingClaims: [] });
  });

  it("reported elsewhere and nothing said of this country: UNKNOWN, not NO", async () => {
    const { madeInUsa, madeIn } = await verdict("example-elsewhere");
    expect(madeInUsa).toEqual({ status: "UNKNOWN", basis: "NONE", supportingClaims: [], conflictingClaims: [] });
    expect(madeIn).toEqual([{ country: { code: "VN" }, status: "YES", basis: "REPORTED" }]);
  });

  it("reported but denied by a claim: the report stands, marked CONFLICTING with the denial", async () => {
    const { madeInUsa } = await verdict("example-disputed");
    expect(madeInUsa).toEqual({ status: "YES", basis: "CONFLICTING", supportingClaims: [], conflictingClaims: [{ statement: "example-disputed DENIES US" }] });
  });

  it("claims that contradict each other and nothing reported: UNKNOWN, both sides shown", async () => {
    const { madeInUsa } = await verdict("example-contested");
    expect(madeInUsa).toEqual({
      status: "UNKNOWN",
      basis: "CONFLICTING",
      supportingClaims: [{ statement: "example-contested ASSERTS US" }],
      conflictingClaims: [{ statement: "example-contested DENIES US" }],
    });
  });

  it("nothing recorded: UNKNOWN on no basis", async () => {
    expect(await verdict("example-nothing")).toEqual({ madeInUsa: { status: "UNKNOWN", basis: "NONE", supportingClaims: [], conflictingClaims: [] }, madeIn: [] });
  });

  it("answers for a whole series: reported here and elsewhere, so PARTLY, and a denial makes it CONFLICTING", async () => {
    const { data } = await server.graphql<{ series: any }>(`{ series(name: "example line") { madeInUsa { status basis factories { slug } } } }`);
    expect(data!.series.madeInUsa).toEqual({ status: "PARTLY", basis: "CONFLICTING", factories: [{ slug: "example-factory-us" }] });
  });
});
