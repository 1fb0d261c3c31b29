import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed, tableCounts } from "../src/index.ts";
import { createTestDb, type TestDb } from "../src/testing/index.ts";

describe("the seed dataset", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.close());

  it("loads once, and a second run changes nothing", async () => {
    const first = await seed(db.prisma);
    expect(first.created).toMatchObject({ brand: 5, factory: 7, processStep: 9, production: 9 });
    const before = await tableCounts(db.sql);
    const second = await seed(db.prisma);
    expect(second.created).toEqual({});
    expect(await tableCounts(db.sql)).toEqual(before);
  });

  it("lists New Balance's operating US factories", async () => {
    const factories = await db.prisma.factory.findMany({
      where: { operatorBrand: { slug: "new-balance" }, countryCode: "US", status: "OPERATING" },
      orderBy: { slug: "asc" },
      select: { slug: true },
    });
    expect(factories.map((f) => f.slug)).toEqual(["nb-lawrence", "nb-methuen", "nb-norway", "nb-skowhegan"]);
  });

  it("keeps closed and planned plants with their status and years", async () => {
    const norridgewock = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-norridgewock" } });
    expect(norridgewock.status).toBe("CLOSED");
    const londonderry = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-londonderry" } });
    expect(londonderry).toMatchObject({ status: "PLANNED", openedYear: 2025, region: "New Hampshire" });
    const flimby = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "nb-flimby" } });
    expect(flimby).toMatchObject({ countryCode: "GB", openedYear: 1991, weeklyCapacityPairs: 28000 });
  });

  it("gives the 990's route at Methuen in order", async () => {
    const production = await db.prisma.production.findFirstOrThrow({
      where: { model: { slug: "990v5" }, factory: { slug: "nb-methuen" } },
      include: { route: { orderBy: { position: "asc" }, include: { step: true } } },
    });
    expect(production.labelClaim).toBe("Made in USA");
    expect(production.route.map((r) => [r.position, r.step.slug])).toEqual([
      [1, "cutting"],
      [2, "stitching"],
      [3, "lasting"],
      [4, "finishing"],
      [5, "testing"],
      [6, "packaging"],
    ]);
    expect(production.route.find((r) => r.step.slug === "stitching")?.technique).toMatch(/strobel/);
    // The route follows the canonical order of the shared vocabulary.
    const canonical = production.route.map((r) => r.step.position);
    expect(canonical).toEqual([...canonical].sort((a, b) => a - b));
  });

  it("has the nine process steps in canonical order", async () => {
    const steps = await db.prisma.processStep.findMany({ orderBy: { position: "asc" } });
    expect(steps.map((s) => s.slug)).toEqual([
      "design", "sourcing", "cutting", "stitching", "lasting", "heat-welding", "finishing", "testing", "packaging",
    ]);
  });

  it("cites at least one source for every factory and production", async () => {
    const uncitedFactories = await db.prisma.factory.count({ where: { sources: { none: {} } } });
    const uncitedProductions = await db.prisma.production.count({ where: { sources: { none: {} } } });
    expect(uncitedFactories).toBe(0);
    expect(uncitedProductions).toBe(0);
  });

  it("keeps conflicting claims side by side, each with its source", async () => {
    const claims = await db.prisma.brandClaim.findMany({
      where: { brand: { slug: "new-balance" }, topic: "PRODUCTION_SHARE", countryCode: "US" },
      include: { source: true },
      orderBy: { id: "asc" },
    });
    expect(claims.map((c) => [c.source.slug, c.sharePercent])).toEqual([
      ["seed-article", 25],
      ["manufacturing-net-2023-12-05", null],
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
