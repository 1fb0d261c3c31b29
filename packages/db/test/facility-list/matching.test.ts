import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableCounts } from "../../src/index.ts";
import { createTestDb, type TestDb } from "../../src/testing/index.ts";
import { byLine, listSources, runImport } from "./support.ts";

/** Matching, not duplicating: rows that are facilities the graph knows are matched to them. */
describe("matching a facility list to the graph", () => {
  let db: TestDb;
  const counts = async () => ({
    factories: await db.prisma.factory.count(),
    citations: await db.prisma.factorySource.count(),
    relations: await db.prisma.brandFactory.count(),
    changes: await db.prisma.change.count(),
  });

  beforeAll(async () => {
    db = await createTestDb();
    await listSources(db);
  });
  afterAll(() => db?.close());

  const first =
    "country,name,address,sector,lat,lng\n" +
    "CN,Example Footwear Co. Ltd,No. 1 Example Road Dongguan,Footwear,22.9,113.7\n" + // 2
    "VN,Fictional Shoe Works,Lot 7 Sample Industrial Park Binh Duong,Footwear,10.9,106.7\n" + // 3
    "VN,Model Outsoles,Lot 9 Sample Industrial Park Binh Duong,Components,10.95,106.75\n" + // 4
    "PK,Pretend Leather Works,,Leather,,\n" + // 5
    "CN,EXAMPLE FOOTWEAR COMPANY LIMITED,,Apparel,,\n"; // 6: same as line 2 (name)

  it("a dry run changes no table, not even by the command line's audit token (created inside its transaction)", async () => {
    const before = await tableCounts(db.sql);
    expect(await db.prisma.apiToken.count({ where: { name: "command-line" } })).toBe(0);
    const dry = await runImport(db, first, { brand: "example-brand", relation: "CONTRACT", dryRun: true });
    expect(dry).toMatchObject({ committed: false, dryRun: true, summary: { created: 4, matched: 1, changes: 1 } });
    expect(await tableCounts(db.sql)).toEqual(before);
  });

  it("creates each facility once, a repeated one within the list included", async () => {
    const report = await runImport(db, first, { brand: "example-brand", relation: "CONTRACT" });
    expect(byLine(report.rows)).toEqual({
      2: "created example-footwear-co-ltd",
      3: "created fictional-shoe-works",
      4: "created model-outsoles",
      5: "created pretend-leather-works",
      6: "matched example-footwear-co-ltd",
    });
    expect(report.rows[4]).toMatchObject({ matchedBy: ["name"], reason: "the same facility as line 2" });
    expect(report.summary).toMatchObject({ created: 4, matched: 1, citationsAdded: 4, brandRelationsAdded: 4, changes: 1 });
    const factory = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "example-footwear-co-ltd" }, include: { brandRelations: { include: { brand: true, source: true } } } });
    expect(factory.sectors).toEqual(["Footwear", "Apparel"]);
    expect(factory.ownership).toBe("CONTRACT");
    expect(factory.brandRelations.map((r) => [r.brand.slug, r.relation, r.source.slug])).toEqual([["example-brand", "CONTRACT", "example-list-2026"]]);
    // One audit record for the batch, on the list: the factories it created, by id.
    const audit = await db.prisma.change.findFirstOrThrow({ where: { entityType: "SOURCE", action: "IMPORT" }, include: { token: true } });
    expect(audit).toMatchObject({ token: { name: "command-line" }, before: null });
    expect(audit.after).toMatchObject({ list: "example-list-2026", batch: 1, lines: [2, 6], brand: "example-brand", relation: "CONTRACT", cited: [], related: [], filledIn: [] });
    expect((audit.after as { created: number[] }).created).toContain(factory.id);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await counts();
    const report = await runImport(db, first, { brand: "example-brand", relation: "CONTRACT" });
    expect(Object.values(byLine(report.rows)).every((outcome) => outcome.startsWith("matched "))).toBe(true);
    expect(report.summary).toMatchObject({ created: 0, matched: 5, updated: 0, citationsAdded: 0, brandRelationsAdded: 0, changes: 0 });
    expect(await counts()).toEqual(before);
  });

  it("matches by normalised name, by address and by coordinates; fills in what the graph lacks; a second list adds its citation", async () => {
    const before = await counts();
    const second =
      "country,name,address,sector,lat,lng\n" +
      'China,"Example Footwear (Dongguan) Co., Ltd.",,,,\n' + // 2: name, legal form and parenthesis aside
      "VNM,Renamed Shoe Factory,LOT 7 SAMPLE INDUSTRIAL PARK - BINH DUONG,,,\n" + // 3: address
      "Viet Nam,Outsole Plant Under A New Name,,,10.95002,106.75002\n" + // 4: within 50 m of Model Outsoles
      "Pakistan,Pretend Leather Works (Pvt.) Ltd.,5 Notional Lane Sialkot,Leather|Footwear,32.5,74.5\n" + // 5: fills in address, coordinates, sector
      "US,Example Footwear Co Ltd,,,,\n"; // 6: same name, other country: a new factory
    const report = await runImport(db, second, { source: "fictional-union-list" });
    expect(byLine(report.rows)).toEqual({
      2: "matched example-footwear-co-ltd",
      3: "matched fictional-shoe-works",
      4: "matched model-outsoles",
      5: "matched pretend-leather-works",
      6: "created example-footwear-co-ltd-us",
    });
    expect(report.rows.map((row) => row.matchedBy)).toEqual([["name"], ["address"], ["location"], ["name"], undefined]);
    expect(report.rows[3]!.updated).toEqual(["address", "latitude", "longitude", "sectors"]);
    expect(await db.prisma.factory.findUniqueOrThrow({ where: { slug: "pretend-leather-works" }, select: { address: true, latitude: true, sectors: true, version: true } })).toEqual({
      address: "5 Notional Lane Sialkot",
      latitude: 32.5,
      sectors: ["Leather", "Footwear"],
      version: 2,
    });
    // One factory, cited by both lists; the second's citation supports what it states and the factory holds.
    const citations = await db.prisma.factorySource.findMany({ where: { factory: { slug: "example-footwear-co-ltd" } }, include: { source: true }, orderBy: { sourceId: "asc" } });
    expect(citations.map((c) => [c.source.slug, c.supports])).toEqual([
      ["example-list-2026", ["name", "country", "address", "latitude", "longitude", "sectors", "status", "ownership"]],
      ["fictional-union-list", ["name", "country"]],
    ]);
    const after = await counts();
    expect(after.factories - before.factories).toBe(1);
    expect(after.citations - before.citations).toBe(5);
    // One record for the batch: 1 created, 4 newly cited, 1 filled in.
    expect(after.changes - before.changes).toBe(1);
    expect(report.summary.changes).toBe(1);
    const audit = await db.prisma.change.findFirstOrThrow({ where: { action: "IMPORT" }, orderBy: { id: "desc" } });
    const leather = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "pretend-leather-works" } });
    expect(audit.after).toMatchObject({
      list: "fictional-union-list",
      created: [expect.any(Number)],
      cited: expect.arrayContaining([leather.id]),
      filledIn: [{ id: leather.id, before: { address: null, latitude: null, longitude: null, sectors: ["Leather"] }, version: 2 }],
    });
    expect((audit.after as { cited: number[] }).cited).toHaveLength(4);
  });

  it("reports a row that could be several factories, and writes nothing for it", async () => {
    const before = await counts();
    const csv =
      "country,name,address,lat,lng\n" +
      "VN,Fictional Shoe Works,Lot 9 Sample Industrial Park Binh Duong,,\n" + // name → one, address → another
      "VN,Model Outsoles Two,,10.95,106.75\n"; // location (and a similar name) → Model Outsoles; fine, one candidate
    const report = await runImport(db, csv, { source: "fictional-union-list" });
    expect(report.rows[0]).toMatchObject({
      outcome: "ambiguous",
      candidates: [
        { slug: "fictional-shoe-works", matchedBy: ["name"] },
        { slug: "model-outsoles", matchedBy: ["address"] },
      ],
    });
    expect(report.rows[1]).toMatchObject({ outcome: "matched", factory: { slug: "model-outsoles" }, matchedBy: ["location", "similarName"] });
    expect(await counts()).toEqual(before);
  });

  it("records an owned relation with the brand as operator, and a dry run writes nothing", async () => {
    const before = await counts();
    const csv = "country,name,address\nIT,Example Brand Own Plant,1 Sample Via Milano\n";
    const dry = await runImport(db, csv, { brand: "example-brand", relation: "OWNED", dryRun: true });
    expect(dry).toMatchObject({ committed: false, dryRun: true, summary: { created: 1 } });
    expect(await counts()).toEqual(before);
    const real = await runImport(db, csv, { brand: "example-brand", relation: "OWNED" });
    expect(real).toMatchObject({ committed: true, summary: { created: 1, brandRelationsAdded: 1 } });
    const factory = await db.prisma.factory.findUniqueOrThrow({ where: { slug: "example-brand-own-plant" }, include: { operatorBrand: true } });
    expect([factory.ownership, factory.operatorBrand?.slug]).toEqual(["OWNED", "example-brand"]);
  });
  it("takes a name spelt alike for the same site only beside its pin; otherwise reports it as a possible duplicate, and never across different numbers", async () => {
    const registered =
      "country,name,address,lat,lng\n" +
      "LK,Fictional Changshin Footwear,Plot 3 Sample Export Zone Katunayake,22.300,91.800\n" + // 2
      "LK,Fictional Golden Step Shoes,,,\n" + // 3
      "LK,Fictional Plant 1 Works,,22.400,91.900\n" + // 4
      "LK,Fictional Lotus Shoes,,22.700,91.500\n"; // 5
    expect((await runImport(db, registered)).summary).toMatchObject({ created: 4, possibleDuplicates: 0 });
    const before = await counts();
    const report = await runImport(
      db,
      "country,name,address,lat,lng\n" +
        "LK,Fictional Chang Shin Footwear,Road 9 Katunayake,22.302,91.802\n" + // 2: spaces aside the same name, 290 m away → matched
        "LK,Fictional Golden Steps Shoes,,,\n" + // 3: alike, but nothing places it → created, a possible duplicate
        "LK,Fictional Plant 2 Works,,22.402,91.902\n" + // 4: another number → another plant, not even a possible duplicate
        "LK,Fictional Rivertown Sandal,,22.500,91.700\n" + // 5: new
        "LK,Fictional Riverton Sandal,,22.501,91.701\n" + // 6: alike and 150 m from line 5 → line 5's factory
        "LK,Fictional Riverton Sandals,,,\n", // 7: alike line 5, no pin → created, a possible duplicate of line 5's
      { source: "fictional-union-list" },
    );
    expect(report.rows.map((row) => [row.line, row.outcome, row.factory?.slug, row.matchedBy ?? [], row.possibleDuplicates ?? []])).toEqual([
      [2, "matched", "fictional-changshin-footwear", ["similarName"], []],
      [3, "created", "fictional-golden-steps-shoes", [], [{ slug: "fictional-golden-step-shoes", matchedBy: ["similarName"] }]],
      [4, "created", "fictional-plant-2-works", [], []],
      [5, "created", "fictional-rivertown-sandal", [], []],
      [6, "matched", "fictional-rivertown-sandal", ["similarName"], []],
      [7, "created", "fictional-riverton-sandals", [], [{ slug: "(line 5 of this list)", matchedBy: ["similarName"] }]],
    ]);
    expect(report.summary).toMatchObject({ rows: 6, created: 4, matched: 2, possibleDuplicates: 2 });
    expect((await counts()).factories).toBe(before.factories + 4);

    // A factory of the same name wins over one whose name is only alike, even beside the pin.
    await runImport(db, "country,name,address,lat,lng\nLK,Fictional Lotus Shoe Co,,,\n", { source: "fictional-union-list" });
    const exact = await runImport(db, "country,name,address,lat,lng\nLK,Fictional Lotus Shoe,,22.701,91.501\n", { source: "fictional-union-list" });
    expect(exact.rows).toMatchObject([{ outcome: "matched", factory: { slug: "fictional-lotus-shoe-co" }, matchedBy: ["name"] }]);
  });
  it("inserts factories with the keys the database computes, an address a later row of the batch gives included; other writers' keys are computed again", async () => {
    const report = await runImport(
      db,
      "country,name,address\n" + "KH,Fictional Keyed Works,\n" + "KH,FICTIONAL KEYED WORKS LTD,No. 12 Sample Street Phnom Penh\n",
      { source: "fictional-union-list" },
    );
    expect(report.rows.map((row) => row.outcome)).toEqual(["created", "matched"]);
    const wrong = await db.sql.query<{ slug: string }>(
      `SELECT slug FROM "Factory" WHERE "nameKey" IS DISTINCT FROM facility_name_key(name) OR "addressKey" IS DISTINCT FROM facility_address_key(address)`,
    );
    expect(wrong).toEqual([]);
    const [keyed] = await db.sql.query<{ addressKey: string }>(`SELECT "addressKey" FROM "Factory" WHERE slug = 'fictional-keyed-works'`);
    expect(keyed!.addressKey).toBe("no 12 sample street phnom penh");
    // Outside the importer's transactions a given key is not taken on trust (read before
    // the transaction ends: a factory without a citation cannot commit).
    const client = await db.pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ nameKey: string }>(
        `INSERT INTO "Factory" (slug, name, "countryCode", status, "nameKey", "updatedAt") VALUES ('fictional-untrusted-key', 'Fictional Untrusted Key', 'KH', 'OPERATING', 'something else', now()) RETURNING "nameKey"`,
      );
      expect(rows).toEqual([{ nameKey: "fictional untrusted key" }]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
