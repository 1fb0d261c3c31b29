import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkData, formatProblem, rules, seed, tableCounts } from "../src/index.ts";
import { createTestDb, type TestDb } from "../src/testing/index.ts";

/**
 * The seed dataset, re-checked against its sources (issue 21): these tests pin the
 * decisions the passages made, so a later edit that says more than a source does fails
 * here. `checkData` (npm run data:check) proves the general rules: every citation and
 * claim points at its passage, every field set is cited, every production's passage
 * names its model and place, every news source is dated.
 */
describe("the seed dataset", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.close());

  it("loads once, and a second run changes nothing", async () => {
    const first = await seed(db.prisma);
    expect(first.created).toMatchObject({ source: 41, brand: 5, factory: 7, processStep: 9, sneakerModel: 10, production: 8, claim: 24 });
    const before = await tableCounts(db.sql);
    const second = await seed(db.prisma);
    expect(second.created).toEqual({});
    expect(await tableCounts(db.sql)).toEqual(before);
  });

  it("passes npm run data:check: every citation and claim points at its passage and says what it states", async () => {
    const problems = await checkData(db.sql);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("quotes only the seed article, whose text it keeps, and points into every other source by URL and text fragment", async () => {
    const sources = new Map((await db.prisma.source.findMany()).map((source) => [source.id, source]));
    const citations = [
      ...(await db.prisma.brandSource.findMany()),
      ...(await db.prisma.sneakerModelSource.findMany()),
      ...(await db.prisma.factorySource.findMany()),
      ...(await db.prisma.productionSource.findMany()),
      ...(await db.prisma.processStepSource.findMany()),
      ...(await db.prisma.claim.findMany()),
    ];
    expect(citations.length).toBeGreaterThan(60);
    for (const citation of citations) {
      const source = sources.get(citation.sourceId)!;
      const parsed = rules.parseLocator(citation.locator!);
      expect(parsed?.fragment.kind, citation.locator!).toBe("text");
      expect(parsed?.document, citation.locator!).toBe(source.url);
      if (citation.quote !== null) expect(source.slug).toBe("seed-article");
      expect(citation.retrievedOn?.toISOString().slice(0, 10)).toBe("2026-12-03");
    }
  });

  it("keeps the article's made-in-USA list as claims: the Hierro and the 992 and 993 have no production", async () => {
    const hierro = await db.prisma.sneakerModel.findUniqueOrThrow({
      where: { slug: "fresh-foam-hierro-v5" },
      include: { productions: true, claims: { include: { source: true } } },
    });
    expect(hierro).toMatchObject({ series: "Fresh Foam Hierro", category: "TRAIL", productions: [] });
    expect(hierro.claims).toMatchObject([{ topic: "MADE_IN", stance: "ASSERTS", countryCode: "US", source: { slug: "seed-article", kind: "MARKETING" } }]);
    for (const slug of ["992", "993"]) {
      const model = await db.prisma.sneakerModel.findUniqueOrThrow({ where: { slug }, include: { productions: true, claims: { include: { source: true } } } });
      expect(model.productions, slug).toEqual([]);
      // The article's word and a buyer's or reviewer's: "made in the USA", but no factory named anywhere.
      expect(model.claims.map((claim) => [claim.topic, claim.countryCode, claim.source.slug]), slug).toContainEqual(["MADE_IN", "US", "seed-article"]);
      expect(model.claims.some((claim) => rules.isIndependent(claim.source.kind)), slug).toBe(true);
    }
  });

  it("says the 991 is not in the made-in-USA line only because a passage says so, and says nothing of the 576", async () => {
    const claims = await db.prisma.claim.findMany({ where: { model: { slug: { in: ["991", "576"] } }, topic: "MADE_IN" }, include: { source: true, model: true } });
    expect(claims.map((claim) => [claim.model!.slug, claim.stance, claim.countryCode, claim.source.slug])).toEqual([["991", "DENIES", "US", "100wears-991"]]);
  });

  it("keeps share claims side by side: the article's quarter of production, a quarter of North American sales (2012), a limited portion of US sales", async () => {
    const claims = await db.prisma.claim.findMany({
      where: { brand: { slug: "new-balance" }, topic: { in: ["PRODUCTION_SHARE", "SALES_SHARE"] }, countryCode: "US" },
      include: { source: true },
      orderBy: { id: "asc" },
    });
    expect(claims.map((c) => [c.topic, c.source.slug, c.sharePercent])).toEqual([
      ["PRODUCTION_SHARE", "seed-article", 25],
      ["SALES_SHARE", "bangor-daily-news-2012-07-18", 25],
      ["SALES_SHARE", "manufacturing-net-2023-12-05", null],
    ]);
  });

  it("records where sources say New Balance makes its shoes outside the USA, each from an independent source", async () => {
    const claims = await db.prisma.claim.findMany({
      where: { brand: { slug: "new-balance" }, topic: "MADE_IN", stance: "ASSERTS" },
      include: { source: true },
    });
    expect([...new Set(claims.map((claim) => claim.countryCode))].sort()).toEqual(["CN", "ID", "VN"]);
    for (const claim of claims) expect(rules.isIndependent(claim.source.kind), claim.statement).toBe(true);
  });

  it("dates every figure to the year its passage gives, and tells plans from what happened", async () => {
    const factory = (slug: string) => db.prisma.factory.findUniqueOrThrow({ where: { slug } });
    // Ground broken on 20 November 2023 (the 5 December page is a repost); a planned 102,418 sq ft.
    expect(await factory("nb-londonderry")).toMatchObject({ status: "PLANNED", openedYear: null, plannedOpeningYear: 2025, floorAreaSqFt: 102418, streetAddress: "55 Pettengill Road" });
    expect((await factory("nb-londonderry")).notes).toMatch(/20 November 2023/);
    // 120,000 sq ft was the addition's area, not the plant's; about 400 workers in September 2025.
    expect(await factory("nb-skowhegan")).toMatchObject({ openedYear: null, floorAreaSqFt: null, workforce: 400, workforceYear: 2025 });
    expect(await factory("nb-methuen")).toMatchObject({ openedYear: 2022, workforce: 90, workforceYear: 2022, floorAreaSqFt: 80000, streetAddress: "596 Lowell St." });
    expect(await factory("nb-flimby")).toMatchObject({ countryCode: "GB", openedYear: 1991, workforce: 250, workforceYear: 2022, weeklyCapacityPairs: 28000, weeklyCapacityYear: 2015 });
    // Closure announced in July 2024; no passage dates the last day.
    expect(await factory("nb-norridgewock")).toMatchObject({ status: "CLOSED", closedYear: null, openedYear: 1982, workforce: 230, workforceYear: 2024 });
    expect(await factory("nb-norway")).toMatchObject({ status: "OPERATING", openedYear: 1997 });
  });

  it("sets only the brand fields its sources state", async () => {
    const brand = await db.prisma.brand.findUniqueOrThrow({ where: { slug: "new-balance" } });
    expect(brand).toMatchObject({ countryCode: "US", foundedYear: 1906, headquartersCity: "Boston", headquartersRegion: null, description: null, website: null });
  });

  it("takes model categories from what the models are, not from marketing prose", async () => {
    const models = await db.prisma.sneakerModel.findMany({ select: { slug: true, category: true, releaseYear: true }, orderBy: { slug: "asc" } });
    expect(Object.fromEntries(models.map((m) => [m.slug, [m.category, m.releaseYear]]))).toEqual({
      "1500": ["RUNNING", 1989],
      "576": ["RUNNING", 1988],
      "990": ["RUNNING", 1982],
      "990v5": ["RUNNING", null],
      "990v6": ["RUNNING", null],
      "991": [null, 2001],
      "992": [null, 2006],
      "993": [null, null],
      "998": ["RUNNING", 1993],
      "fresh-foam-hierro-v5": ["TRAIL", 2019],
    });
  });

  it("makes the 990 line at Lawrence, Methuen and Skowhegan, each on a passage naming the model and the town; routes only where a passage describes the plant's", async () => {
    const productions = await db.prisma.production.findMany({
      where: { model: { series: "990" } },
      include: { model: true, factory: true, route: { orderBy: { position: "asc" }, include: { step: true } } },
      orderBy: { slug: "asc" },
    });
    expect(productions.map((p) => [p.model.slug, p.factory?.slug, p.labelClaim, p.route.map((r) => r.step.slug)])).toEqual([
      ["990", "nb-lawrence", null, ["stitching", "lasting"]],
      ["990v5", "nb-lawrence", null, ["stitching", "lasting"]],
      ["990v5", "nb-methuen", null, []],
      ["990v6", "nb-skowhegan", null, []],
    ]);
  });

  it("cites the process steps' general descriptions to the article that gives them", async () => {
    const steps = await db.prisma.processStep.findMany({ orderBy: { position: "asc" }, include: { sources: { include: { source: true } } } });
    expect(steps.map((s) => s.slug)).toEqual(["design", "sourcing", "cutting", "stitching", "lasting", "heat-welding", "finishing", "testing", "packaging"]);
    for (const step of steps) expect(step.sources.map((c) => [c.source.slug, c.supports]), step.slug).toEqual([["seed-article", ["description"]]]);
  });

  it("has the other brands the article names, and the models made at Flimby", async () => {
    const brands = await db.prisma.brand.findMany({ orderBy: { slug: "asc" }, select: { slug: true } });
    expect(brands.map((b) => b.slug)).toEqual(["adidas", "new-balance", "nike", "puma", "reebok"]);
    const uk = await db.prisma.production.findMany({
      where: { factory: { slug: "nb-flimby" } },
      select: { labelClaim: true, model: { select: { slug: true } } },
      orderBy: { model: { slug: "asc" } },
    });
    expect(uk).toEqual([
      { labelClaim: null, model: { slug: "1500" } },
      { labelClaim: null, model: { slug: "576" } },
      { labelClaim: "Made in the UK", model: { slug: "991" } },
    ]);
  });
});
