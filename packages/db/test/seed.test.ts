import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules, seed, tableCounts } from "../src/index.ts";
import { createTestDb, type TestDb } from "../src/testing/index.ts";

/**
 * Fields a citation backs by citing the fact at all (what the fact is: its identity and
 * what it relates); every other field set must be named in some citation's `supports`.
 */
const IDENTITY: Record<string, readonly string[]> = {
  Brand: ["slug", "name"],
  SneakerModel: ["slug", "name", "brand"],
  Factory: ["slug", "name"],
  Production: ["slug", "model", "factory", "country"],
};

/** Columns that are bookkeeping, not facts (matching keys are derived from the name and address). */
const BOOKKEEPING = new Set(["id", "version", "createdAt", "updatedAt", "nameKey", "addressKey"]);

/** The API's field name of a column (countryCode → country, brandId → brand, ...). */
function fieldOf(column: string): string {
  if (column === "countryCode") return "country";
  return column.endsWith("Id") ? column.slice(0, -2) : column;
}

describe("the seed dataset", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.close());

  it("loads once, and a second run changes nothing", async () => {
    const first = await seed(db.prisma);
    expect(first.created).toMatchObject({ source: 9, brand: 5, factory: 7, processStep: 9, sneakerModel: 9, production: 5, claim: 12 });
    const before = await tableCounts(db.sql);
    const second = await seed(db.prisma);
    expect(second.created).toEqual({});
    expect(await tableCounts(db.sql)).toEqual(before);
  });

  it("cites a source for every fact, and for every field it sets", async () => {
    const facts = [
      { type: "Brand", rows: await db.prisma.brand.findMany({ include: { sources: true } }) },
      { type: "SneakerModel", rows: await db.prisma.sneakerModel.findMany({ include: { sources: true } }) },
      { type: "Factory", rows: await db.prisma.factory.findMany({ include: { sources: true } }) },
      { type: "Production", rows: await db.prisma.production.findMany({ include: { sources: true, route: true } }) },
    ];
    const unsupported: string[] = [];
    for (const { type, rows } of facts) {
      for (const row of rows as unknown as (Record<string, unknown> & { slug: string; sources: { supports: string[] }[] })[]) {
        expect(row.sources.length, `${type} ${row.slug} cites no source`).toBeGreaterThan(0);
        const supported = new Set([...IDENTITY[type]!, ...row.sources.flatMap((citation) => citation.supports)]);
        for (const [column, value] of Object.entries(row)) {
          if (BOOKKEEPING.has(column) || column === "sources" || value === null) continue;
          if (Array.isArray(value) && value.length === 0) continue;
          const field = fieldOf(column);
          if (!supported.has(field)) unsupported.push(`${type} ${row.slug}: ${field}`);
        }
      }
    }
    expect(unsupported).toEqual([]);
  });

  it("quotes only verbatim passages of sources whose text it keeps", async () => {
    const sources = await db.prisma.source.findMany({ select: { id: true, slug: true, text: true } });
    const textOf = new Map(sources.map((source) => [source.id, source]));
    const quoted = [
      ...(await db.prisma.brandSource.findMany({ where: { quote: { not: null } } })),
      ...(await db.prisma.sneakerModelSource.findMany({ where: { quote: { not: null } } })),
      ...(await db.prisma.factorySource.findMany({ where: { quote: { not: null } } })),
      ...(await db.prisma.productionSource.findMany({ where: { quote: { not: null } } })),
      ...(await db.prisma.claim.findMany({ where: { quote: { not: null } } })),
    ];
    expect(quoted.length).toBeGreaterThan(10);
    for (const { sourceId, quote } of quoted) {
      const source = textOf.get(sourceId)!;
      expect(source.text, `"${quote}" quotes ${source.slug}, whose text the seed does not keep`).not.toBeNull();
      expect(rules.isVerbatim(quote!, source.text!), `"${quote}" is not a passage of ${source.slug}`).toBe(true);
    }
  });

  it("keeps the article's made-in-USA list as claims of a marketing source, not as productions", async () => {
    const hierro = await db.prisma.sneakerModel.findUniqueOrThrow({
      where: { slug: "fresh-foam-hierro-v5" },
      include: { productions: true, claims: { include: { source: true } } },
    });
    expect(hierro.productions).toEqual([]);
    expect(hierro.claims).toMatchObject([{ topic: "MADE_IN", stance: "ASSERTS", countryCode: "US", source: { slug: "seed-article", kind: "MARKETING" } }]);
    expect(rules.isIndependent(hierro.claims[0]!.source.kind)).toBe(false);
    for (const slug of ["992", "993", "998"]) {
      const model = await db.prisma.sneakerModel.findUniqueOrThrow({ where: { slug }, include: { productions: true, claims: true } });
      expect(model.productions, slug).toEqual([]);
      expect(model.claims.map((claim) => claim.topic), slug).toEqual(["MADE_IN"]);
    }
  });

  it("keeps conflicting share claims side by side, each with its source", async () => {
    const claims = await db.prisma.claim.findMany({
      where: { brand: { slug: "new-balance" }, topic: "PRODUCTION_SHARE", countryCode: "US" },
      include: { source: true },
      orderBy: { id: "asc" },
    });
    expect(claims.map((c) => [c.source.slug, c.sharePercent])).toEqual([
      ["seed-article", 25],
      ["manufacturing-net-2023-12-05", null],
    ]);
  });

  it("dates time-bound figures and tells planned from actual openings", async () => {
    const factory = (slug: string) => db.prisma.factory.findUniqueOrThrow({ where: { slug } });
    expect(await factory("nb-londonderry")).toMatchObject({ status: "PLANNED", openedYear: null, plannedOpeningYear: 2025 });
    expect(await factory("nb-skowhegan")).toMatchObject({ openedYear: null, workforce: 430, workforceYear: 2023 });
    expect(await factory("nb-methuen")).toMatchObject({ openedYear: 2022, workforce: 90, workforceYear: 2022 });
    expect(await factory("nb-flimby")).toMatchObject({ countryCode: "GB", openedYear: 1991, workforce: null, weeklyCapacityPairs: 28000, weeklyCapacityYear: 2015 });
    expect(await factory("nb-norridgewock")).toMatchObject({ status: "CLOSED", closedYear: null });
  });

  it("sets no brand field that no source states", async () => {
    const brand = await db.prisma.brand.findUniqueOrThrow({ where: { slug: "new-balance" } });
    expect(brand).toMatchObject({ countryCode: "US", foundedYear: 1906, headquartersCity: null, headquartersRegion: null, description: null });
  });

  it("makes the 990 line at Lawrence and Methuen, with their routes in canonical order", async () => {
    const productions = await db.prisma.production.findMany({
      where: { model: { series: "990" } },
      include: { model: true, factory: true, route: { orderBy: { position: "asc" }, include: { step: true } } },
      orderBy: { slug: "asc" },
    });
    expect(productions.map((p) => [p.model.slug, p.factory?.slug])).toEqual([
      ["990", "nb-lawrence"],
      ["990v5", "nb-methuen"],
    ]);
    for (const production of productions) {
      expect(production.route.map((r) => [r.position, r.step.slug])).toEqual([
        [1, "cutting"],
        [2, "stitching"],
        [3, "lasting"],
      ]);
    }
  });

  it("has the nine process steps in canonical order", async () => {
    const steps = await db.prisma.processStep.findMany({ orderBy: { position: "asc" } });
    expect(steps.map((s) => s.slug)).toEqual([
      "design", "sourcing", "cutting", "stitching", "lasting", "heat-welding", "finishing", "testing", "packaging",
    ]);
  });

  it("has the other brands the article names, and the Made in UK models at Flimby", async () => {
    const brands = await db.prisma.brand.findMany({ orderBy: { slug: "asc" }, select: { slug: true } });
    expect(brands.map((b) => b.slug)).toEqual(["adidas", "new-balance", "nike", "puma", "reebok"]);
    const uk = await db.prisma.production.findMany({
      where: { factory: { slug: "nb-flimby" } },
      select: { labelClaim: true, model: { select: { slug: true } } },
      orderBy: { model: { slug: "asc" } },
    });
    expect(uk).toEqual([
      { labelClaim: "Made in UK", model: { slug: "1500" } },
      { labelClaim: "Made in UK", model: { slug: "576" } },
      { labelClaim: "Made in UK", model: { slug: "991" } },
    ]);
  });
});
