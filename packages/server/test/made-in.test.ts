import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../src/testing/index.ts";
import { mutate, type Outcome } from "./support/curation.ts";

const VERDICT = `
  country { code } status basis labelClaims volumeShare
  factories { slug }
  productions { slug evidence }
  sources { source { slug independent } quote }
  supportingClaims { statement quote stance source { slug kind } }
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

  it("answers \"is the 990 made in the USA?\" across the line's versions: Lawrence and Methuen, reported, with sources", async () => {
    const { data, errors } = await server.graphql<{ series: any }>(`{ series(name: "990") { name models { slug } madeInUsa { ${VERDICT} } } }`);
    expect(errors).toBeUndefined();
    const { series } = data!;
    expect(series.models.map((m: any) => m.slug)).toEqual(["990", "990v5"]);
    expect(series.madeInUsa).toMatchObject({
      country: { code: "US" },
      status: "YES",
      basis: "REPORTED",
      labelClaims: ["Made in USA"],
      factories: [{ slug: "nb-lawrence" }, { slug: "nb-methuen" }],
      productions: [
        { slug: "990-lawrence", evidence: "REPORTED" },
        { slug: "990v5-methuen", evidence: "REPORTED" },
      ],
      conflictingClaims: [],
    });
    expect(series.madeInUsa.sources.map((c: any) => c.source)).toEqual([
      { slug: "manufacturing-net-2023-12-05", independent: true },
      { slug: "just-style-2022-03-30", independent: true },
    ]);
    // The article's "manufactured exclusively in America" agrees, and is shown as what it is: a claim.
    expect(series.madeInUsa.supportingClaims).toEqual([
      expect.objectContaining({ stance: "ASSERTS", source: { slug: "seed-article", kind: "MARKETING" } }),
    ]);
    const byName = await server.graphql<{ series: any }>(`{ series(name: "990", brand: "new-balance") { name } none: series(name: "no-such-line") { name } }`);
    expect(byName.data).toEqual({ series: { name: "990" }, none: null });
  });

  it("shows the Hierro's US production as the article's claim, not a reported fact", async () => {
    const hierro = await model("fresh-foam-hierro-v5");
    expect(hierro.madeInUsa).toMatchObject({
      status: "YES",
      basis: "CLAIMED_ONLY",
      factories: [],
      productions: [],
      sources: [],
      conflictingClaims: [],
    });
    expect(hierro.madeInUsa.supportingClaims).toEqual([
      {
        statement: "The Fresh Foam Hierro v5 is part of New Balance's made in USA range.",
        quote: expect.stringContaining("hiking boots like Fresh Foam Hierro v5"),
        stance: "ASSERTS",
        source: { slug: "seed-article", kind: "MARKETING" },
      },
    ]);
    expect(hierro.madeIn).toEqual([hierro.madeInUsa]);
  });

  it("says a Made in UK model is not made in the USA, and made in the UK as reported", async () => {
    const m991 = await model("991");
    expect(m991.madeInUsa).toMatchObject({ status: "NO", basis: "REPORTED", factories: [], labelClaims: [] });
    expect(m991.madeInUsa.sources.map((c: any) => c.source.slug)).toEqual(["visitflimby-30-years"]);
    expect(m991.madeIn).toMatchObject([{ country: { code: "GB" }, status: "YES", basis: "REPORTED", factories: [{ slug: "nb-flimby" }], labelClaims: ["Made in UK"] }]);
  });

  it("gives New Balance's production by country as counts of records, beside the conflicting share claims", async () => {
    const { data, errors } = await server.graphql<{ brand: any }>(`{
      brand(slug: "new-balance") {
        productionByCountry {
          countries { countryCode productionCount factoryCount knownVolume volumeShare }
          claims { statement sharePercent quote country { code } source { slug label kind } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const { countries, claims } = data!.brand.productionByCountry;
    expect(countries).toEqual([
      { countryCode: "US", productionCount: 2, factoryCount: 5, knownVolume: null, volumeShare: null },
      { countryCode: "GB", productionCount: 3, factoryCount: 1, knownVolume: null, volumeShare: null },
    ]);
    expect(claims).toEqual([
      {
        statement: "About one-quarter of New Balance's total shoe production is in the USA.",
        sharePercent: 25,
        quote: "only around one-quarter of New Balance’s total shoe production occurs within American borders",
        country: { code: "US" },
        source: { slug: "seed-article", label: "Are New Balance sneakers made in the USA?", kind: "MARKETING" },
      },
      {
        statement: "\"MADE\" footwear produced in the US is a limited portion of New Balance's US sales.",
        sharePercent: null,
        quote: null,
        country: { code: "US" },
        source: { slug: "manufacturing-net-2023-12-05", label: "Manufacturing.net, 2023-12-05", kind: "NEWS" },
      },
    ]);
  });

  it("lists what a factory performs, in canonical order", async () => {
    const { data } = await server.graphql<{ factory: any }>(`{
      factory(slug: "nb-methuen") {
        processSteps { slug position }
        productions(first: 5) { totalCount edges { node { model { slug } route { position step { slug } } } } }
        claims { topic quote source { slug } }
      }
    }`);
    expect(data!.factory.processSteps.map((s: any) => s.slug)).toEqual(["cutting", "stitching", "lasting"]);
    expect(data!.factory.productions.edges[0].node.route.map((r: any) => r.position)).toEqual([1, 2, 3]);
    expect(data!.factory.claims).toEqual([
      { topic: "MANUFACTURING_FOOTPRINT", quote: "an incredible state-of-the-art one opening soon in Massachusetts", source: { slug: "seed-article" } },
    ]);
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
    await source("example-news", "NEWS");
    await source("example-brand-site", "BRAND");
    await source("example-advert", "MARKETING");
    await write("createBrand", "CreateBrandInput", "brand { slug }", { slug: "example-brand", name: "Example Brand" });
    await write("createFactory", "CreateFactoryInput", "factory { slug }", {
      slug: "example-factory-us", name: "Example Factory US", ownership: "CONTRACT", status: "OPERATING", city: "Exampleton", country: "US",
      citations: [{ source: "example-news" }],
    });
    await write("createFactory", "CreateFactoryInput", "factory { slug }", {
      slug: "example-factory-vn", name: "Example Factory VN", ownership: "CONTRACT", status: "OPERATING", city: "Exampleville", country: "VN",
      citations: [{ source: "example-brand-site" }],
    });
    for (const slug of ["example-reported", "example-claimed", "example-disputed", "example-contested", "example-nothing"]) {
      const created = await write("createModel", "CreateModelInput", "model { id }", { slug, name: slug, brand: "example-brand", series: "Example Line" });
      ids.set(slug, (created["model"] as { id: string }).id);
    }
    const production = (model: string, factory: string, source: string) =>
      write("recordProduction", "RecordProductionInput", "production { slug }", { model, factory, citations: [{ source }] });
    const claim = (model: string, source: string, country: string, stance = "ASSERTS") =>
      write("recordClaim", "RecordClaimInput", "claim { id }", { source, subject: ids.get(model), topic: "MADE_IN", stance, country, statement: `${model} ${stance} ${country}` });
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

  it("the brand's word only: claimed, and partly, since its own record says Vietnam", async () => {
    const { madeInUsa, madeIn } = await verdict("example-claimed");
    expect(madeInUsa).toEqual({ status: "PARTLY", basis: "CLAIMED_ONLY", supportingClaims: [{ statement: "example-claimed ASSERTS US" }], conflictingClaims: [] });
    expect(madeIn).toEqual([
      { country: { code: "US" }, status: "PARTLY", basis: "CLAIMED_ONLY" },
      { country: { code: "VN" }, status: "PARTLY", basis: "CLAIMED_ONLY" },
    ]);
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

  it("answers for a whole series: reported somewhere, so the reported productions decide", async () => {
    const { data } = await server.graphql<{ series: any }>(`{ series(name: "example line") { madeInUsa { status basis factories { slug } } } }`);
    expect(data!.series.madeInUsa).toEqual({ status: "YES", basis: "CONFLICTING", factories: [{ slug: "example-factory-us" }] });
  });
});
