import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkData, formatProblem } from "../../src/index.ts";
import { createTestDb, type TestDb } from "../../src/testing/index.ts";
import { DECEMBER_2025, JUNE_2025, manufacturingMap, workbook } from "./fixtures.ts";
import { byLine, listSources, runImport } from "./support.ts";

/** A brand's list, downloaded twice: the second snapshot is where the news is. */
describe("dated snapshots of a brand's list", () => {
  let db: TestDb;
  const brand = { brand: "example-brand", relation: "CONTRACT" as const };
  const june = () => workbook(manufacturingMap(JUNE_2025, "JUNE 2025"), "xlsx");
  const december = () => workbook(manufacturingMap(DECEMBER_2025, "DECEMBER 2025"), "xlsx");
  const relations = async () =>
    (await db.prisma.brandFactory.findMany({ where: { brand: { slug: "example-brand" } }, include: { factory: true, source: true }, orderBy: [{ factoryId: "asc" }, { sourceId: "asc" }] })).map(
      (r) => [r.factory.slug, r.source.slug, r.listedFrom?.toISOString().slice(0, 10) ?? null, r.listedUntil?.toISOString().slice(0, 10) ?? null],
    );
  const counts = async () => ({
    factories: await db.prisma.factory.count(),
    citations: await db.prisma.factorySource.count(),
    relations: await db.prisma.brandFactory.count(),
    disclosures: await db.prisma.disclosure.count(),
    groups: await db.prisma.supplierGroup.count(),
    changes: await db.prisma.change.count(),
  });

  beforeAll(async () => {
    db = await createTestDb();
    await listSources(db);
    await db.prisma.brand.create({ data: { slug: "example-sub-brand", name: "Example Sub Brand" } });
    for (const slug of ["example-map-2025-06", "example-map-2025-12"]) {
      await db.prisma.source.create({ data: { slug, kind: "FACILITY_LIST", title: `Example Brand manufacturing map (${slug.slice(-7)})`, publisher: "Example Brand", url: `https://brand.example.com/${slug}.xlsx` } });
    }
  });
  afterAll(() => db?.close());

  it("imports the first snapshot: every factory added, listed from its date", async () => {
    const report = await runImport(db, june(), { source: "example-map-2025-06", ...brand });
    expect(report.disclosure).toEqual({ asOf: "2025-06-01", factoryCount: 6, added: 6, dropped: 0 });
    expect((await relations()).every(([, , from, until]) => from === "2025-06-01" && until === null)).toBe(true);
  });

  it("imports the later snapshot: the same factories across spellings stay listed, dropped ones end (nothing deleted), new ones start", async () => {
    const before = await counts();
    const report = await runImport(db, december(), { source: "example-map-2025-12", ...brand });
    expect(report.asOf).toBe("2025-12-01");
    expect(byLine(report.rows)).toEqual({
      3: "matched example-footwear-co-ltd", // "Co., Ltd." for "Co.,Ltd", a reworded address
      4: "matched sample-shoes-vietnam-co-ltd", // upper case, "Vietnam" for "Viet Nam"
      5: "matched pretend-textile-mill", // "Turkey" for "Türkiye"
      6: "matched fictional-apparel-works", // "Korea, Republic of" for "South Korea"
      7: "created newcomer-footwear-industries",
    });
    expect(report.disclosure).toEqual({ asOf: "2025-12-01", factoryCount: 5, added: 1, dropped: 2 });
    expect(await relations()).toEqual([
      ["example-footwear-co-ltd", "example-map-2025-06", "2025-06-01", null],
      ["sample-shoes-vietnam-co-ltd", "example-map-2025-06", "2025-06-01", null],
      ["imaginary-outsole-ltd", "example-map-2025-06", "2025-06-01", "2025-12-01"],
      ["pretend-textile-mill", "example-map-2025-06", "2025-06-01", null],
      ["fictional-apparel-works", "example-map-2025-06", "2025-06-01", null],
      ["demo-sneaker-lab", "example-map-2025-06", "2025-06-01", "2025-12-01"],
      ["newcomer-footwear-industries", "example-map-2025-12", "2025-12-01", null],
    ]);
    const after = await counts();
    expect(after.factories).toBe(before.factories + 1);
    expect(after.relations).toBe(before.relations + 1);
    // Each snapshot is cited for the factories it lists.
    const cited = await db.prisma.factorySource.findMany({ where: { source: { slug: "example-map-2025-12" } } });
    expect(cited).toHaveLength(5);
    // The dropped relations' ends are in the audit trail: the import's closing record (one per import batch) lists them.
    const closing = await db.prisma.change.findFirstOrThrow({ where: { action: "IMPORT", after: { path: ["list"], equals: "example-map-2025-12" } }, orderBy: { id: "desc" } });
    expect((closing.after as { ended: unknown[] }).ended).toHaveLength(2);
    // Worker figures keep the year they held: the first list's stay (never overwritten).
    expect(await db.prisma.factory.findUniqueOrThrow({ where: { slug: "example-footwear-co-ltd" }, select: { workforce: true, workforceYear: true } })).toEqual({ workforce: 5000, workforceYear: 2025 });
    expect((await db.prisma.factory.findUniqueOrThrow({ where: { slug: "newcomer-footwear-industries" }, include: { supplierGroup: true } })).supplierGroup?.name).toBe("Make-Believe Holdings");
  });

  it("changes nothing when a snapshot is imported again", async () => {
    const before = await counts();
    const relationsBefore = await relations();
    const report = await runImport(db, december(), { source: "example-map-2025-12", ...brand });
    expect(report.disclosure).toEqual({ asOf: "2025-12-01", factoryCount: 5, added: 1, dropped: 2 });
    expect(report.summary).toMatchObject({ created: 0, citationsAdded: 0, brandRelationsAdded: 0, changes: 0 });
    expect(await counts()).toEqual(before);
    expect(await relations()).toEqual(relationsBefore);
  });

  it("lists the brand's disclosures in date order, and refuses an older snapshot after a newer one", async () => {
    const disclosures = await db.prisma.disclosure.findMany({ where: { brand: { slug: "example-brand" } }, orderBy: { asOf: "asc" }, include: { source: true } });
    expect(disclosures.map((d) => [d.source.slug, d.asOf.toISOString().slice(0, 10), d.factoryCount, d.added, d.dropped])).toEqual([
      ["example-map-2025-06", "2025-06-01", 6, 6, 0],
      ["example-map-2025-12", "2025-12-01", 5, 1, 2],
    ]);
    const before = await counts();
    await expect(runImport(db, june(), { source: "example-map-2025-06", ...brand })).rejects.toMatchObject({ code: "INVALID_OPTIONS", option: "asOf" });
    await expect(runImport(db, june(), { source: "example-list-2026", ...brand, asOf: "2025-07-01" })).rejects.toThrow(/import a brand's lists in date order/);
    await expect(runImport(db, june(), { source: "example-list-2026", ...brand, asOf: "2025-13-01" })).rejects.toThrow(/--as-of must be a date/);
    expect(await counts()).toEqual(before);
  });

  it("leaves every listed factory's fields supported by its citations (npm run data:check finds nothing)", async () => {
    // The test's brands were made without a source; every factory and citation is in order.
    expect((await checkData(db.sql)).map(formatProblem)).toEqual([
      "brand example-brand › citations: none: every fact cites the passage that says it",
      "brand example-sub-brand › citations: none: every fact cites the passage that says it",
    ]);
  });
});
