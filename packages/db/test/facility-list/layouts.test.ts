import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../src/testing/index.ts";
import { csv, JUNE_2025, manufacturingMap, MAP_HEADER, openSupplyHubDownload, workbook } from "./fixtures.ts";
import { byLine, listSources, runImport } from "./support.ts";

/** Brands' own lists: workbooks and CSVs in each layout, title rows, supplier groups, roles, workers. */
describe("facility lists in brands' layouts", () => {
  let db: TestDb;
  const counts = async () => ({
    factories: await db.prisma.factory.count(),
    citations: await db.prisma.factorySource.count(),
    relations: await db.prisma.brandFactory.count(),
    groups: await db.prisma.supplierGroup.count(),
    disclosures: await db.prisma.disclosure.count(),
    changes: await db.prisma.change.count(),
  });

  beforeAll(async () => {
    db = await createTestDb();
    await listSources(db);
    await db.prisma.brand.create({ data: { slug: "example-sub-brand", name: "Example Sub Brand" } });
    for (const slug of ["example-map-xlsx", "example-map-xls", "example-osh", "example-mapped", "example-footwear-only"]) {
      await db.prisma.source.create({ data: { slug, kind: "FACILITY_LIST", title: `List ${slug}`, url: `https://lists.example.org/${slug}` } });
    }
  });
  afterAll(() => db?.close());

  it("reads a manufacturing map (.xlsx) under its title row: the list's date, roles, sectors, supplier groups, workers, country spellings", async () => {
    const report = await runImport(db, workbook(manufacturingMap(JUNE_2025), "xlsx"), { source: "example-map-xlsx", brand: "example-brand", relation: "CONTRACT" });
    expect(report).toMatchObject({ format: "xlsx", layout: "manufacturing-map", asOf: "2025-06-01", disclosure: { asOf: "2025-06-01", factoryCount: 6, added: 6, dropped: 0 } });
    // The header is row 2 (a title row above it): records start at row 3.
    expect(byLine(report.rows)).toEqual({
      3: "created example-footwear-co-ltd",
      4: "created sample-shoes-vietnam-co-ltd",
      5: "created imaginary-outsole-ltd",
      6: "created pretend-textile-mill",
      7: "created fictional-apparel-works",
      8: "created demo-sneaker-lab",
    });
    expect(report.columns.read).toEqual(["name", "role", "sector", "brands", "supplierGroup", "address", "city", "state", "postalCode", "country", "totalWorkers", "lineWorkers", "femaleWorkers", "migrantWorkers"]);
    expect(report.columns.ignored).toEqual(["Events", "Region"]);

    const factories = await db.prisma.factory.findMany({ orderBy: { id: "asc" }, include: { supplierGroup: true, sources: { include: { source: true } } } });
    expect(factories.map((f) => [f.slug, f.countryCode, f.roles, f.sectors, f.supplierGroup?.name ?? null])).toEqual([
      ["example-footwear-co-ltd", "CN", ["FINISHED_GOODS"], ["Footwear"], "FICTIONAL GROUP CO."],
      ["sample-shoes-vietnam-co-ltd", "VN", ["FINISHED_GOODS"], ["Footwear"], "FICTIONAL GROUP CO."], // "Fictional-Group Co": the same group
      ["imaginary-outsole-ltd", "TW", ["COMPONENTS"], ["Footwear"], "Make-Believe Holdings"],
      ["pretend-textile-mill", "TR", ["MATERIALS"], ["Apparel", "Footwear"], null],
      ["fictional-apparel-works", "KR", ["FINISHED_GOODS"], ["Apparel"], null],
      ["demo-sneaker-lab", "US", ["FINISHED_GOODS"], ["Footwear"], null],
    ]);
    expect(await db.prisma.supplierGroup.count()).toBe(2);
    const first = factories[0]!;
    expect(first).toMatchObject({
      address: "No. 1 Example Road, Dongguan, Guangdong, 523000",
      workforce: 5000,
      workforceYear: 2025,
      lineWorkers: 4200,
      femaleWorkersPercent: 70,
      migrantWorkersPercent: 10,
      workerFiguresYear: 2025,
    });
    const citation = first.sources[0]!;
    expect(citation.locator).toBe("https://lists.example.org/example-map-xlsx#row=3");
    expect(citation.statement).toBe(
      "Lists Example Footwear Co.,Ltd in CN; at No. 1 Example Road, Dongguan, Guangdong, 523000; sectors Footwear; role finished-goods assembly; " +
        "supplier group FICTIONAL GROUP CO.; 5000 workers, 4200 line workers, 70% female, 10% migrant as of 2025-06-01; as a contract supplier of example-brand.",
    );
    expect(citation.supports).toEqual(expect.arrayContaining(["workforce", "lineWorkers", "femaleWorkersPercent", "migrantWorkersPercent", "supplierGroup", "roles"]));
    // The brands column names a sister brand: that row relates to both.
    const vietnam = await db.prisma.brandFactory.findMany({ where: { factory: { slug: "sample-shoes-vietnam-co-ltd" } }, include: { brand: true } });
    expect(vietnam.map((r) => [r.brand.slug, r.listedFrom?.toISOString().slice(0, 10), r.listedUntil])).toEqual([
      ["example-brand", "2025-06-01", null],
      ["example-sub-brand", "2025-06-01", null],
    ]);
    expect((await db.prisma.source.findUniqueOrThrow({ where: { slug: "example-map-xlsx" } })).asOf?.toISOString().slice(0, 10)).toBe("2025-06-01");
  });

  it("reads the same map as a legacy .xls (BIFF8) workbook and finds every factory again", async () => {
    const before = await counts();
    const report = await runImport(db, workbook(manufacturingMap(JUNE_2025), "biff8"), { source: "example-map-xls" });
    expect(report).toMatchObject({ format: "xls", layout: "manufacturing-map", disclosure: null });
    expect(Object.values(byLine(report.rows)).every((outcome) => outcome.startsWith("matched "))).toBe(true);
    expect(report.summary).toMatchObject({ rows: 6, matched: 6, created: 0, citationsAdded: 6 });
    expect((await counts()).factories).toBe(before.factories);
  });

  it("reads an Open Supply Hub download: os_id kept and matched first, ranges of workers noted, not guessed", async () => {
    const report = await runImport(db, openSupplyHubDownload(), { source: "example-osh" });
    expect(report.layout).toBe("open-supply-hub");
    expect(byLine(report.rows)).toEqual({
      2: "matched example-footwear-co-ltd",
      3: "created fictional-cambodia-shoes",
      4: "created pretend-leather-tannery",
    });
    expect(report.rows[0]!.notes).toEqual(['total workers "1001-5000" is not a whole number: not kept']);
    const tannery = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "pretend-leather-tannery" } });
    expect(tannery).toMatchObject({ osId: "IN2025000EXMPL3", roles: ["MATERIALS"], countryCode: "IN" });
    expect((await db.prisma.factory.findUniqueOrThrow({ where: { slug: "example-footwear-co-ltd" } })).osId).toBe("CN2025000EXMPL1");
    // The next download renames a facility: its os_id still finds it.
    const renamed = openSupplyHubDownload().replace("Fictional Cambodia Shoes", "Renamed Cambodian Footwear Plc").replace("Street 9 Example Zone", "Another Street");
    const again = await runImport(db, renamed, { source: "example-osh" });
    expect(again.rows[1]).toMatchObject({ outcome: "matched", factory: { slug: "fictional-cambodia-shoes" }, matchedBy: ["location", "osId"] });
  });

  it("reads any layout through a columns mapping, and --layout forces one", async () => {
    const list = "Supplier,Nation,Street,Parent\nMapped Sole Factory,Viet Nam,1 Example Street Hanoi,fictional group co\n";
    const report = await runImport(db, list, { source: "example-mapped", columns: { name: "Supplier", country: "Nation", address: "Street", supplierGroup: "Parent" } });
    expect(report).toMatchObject({ layout: "columns-file", summary: { created: 1 } });
    const factory = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "mapped-sole-factory" }, include: { supplierGroup: true } });
    expect(factory.supplierGroup?.name).toBe("FICTIONAL GROUP CO."); // case and punctuation aside
    await expect(runImport(db, list, { source: "example-mapped", columns: { title: "Supplier" } })).rejects.toMatchObject({ code: "INVALID_OPTIONS", option: "columns" });
    await expect(runImport(db, list, { source: "example-mapped", layout: "no-such-layout" })).rejects.toThrow(/--layout must be one of manufacturing-map, open-supply-hub, contributor-csv/);
    // Forced to a layout the header is not: no header is found, and the check says so.
    await expect(runImport(db, csv([[...MAP_HEADER], ...JUNE_2025]), { source: "example-mapped", layout: "open-supply-hub" })).rejects.toThrow(/no "country" or "name" column/);
  });

  it("imports only footwear rows with --sector footwear, reporting the others as skipped", async () => {
    const report = await runImport(db, csv(manufacturingMap(JUNE_2025)), { source: "example-footwear-only", sector: "footwear" });
    expect(report.summary).toMatchObject({ rows: 6, matched: 5, skipped: 1 });
    expect(report.rows.find((row) => row.line === 7)).toMatchObject({ outcome: "skipped", reason: "not a footwear row (sectors: Apparel)" });
  });

  it("refuses a malformed spreadsheet with a clear error, writing nothing", async () => {
    const before = await counts();
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("this is not a zip archive at all")]);
    await expect(runImport(db, broken, { source: "example-mapped", brand: "example-brand", relation: "CONTRACT" })).rejects.toMatchObject({
      code: "INVALID_LIST",
      option: "file",
      message: expect.stringMatching(/^The file is not a list solegraph can read: the workbook cannot be read/),
    });
    const headerless = workbook([["Just a title"], ["a", "b"], ["c", "d"]], "xlsx");
    await expect(runImport(db, headerless, { source: "example-mapped" })).rejects.toThrow(/no "country" or "name" column|header row solegraph recognises/);
    expect(await counts()).toEqual(before);
  });
});
