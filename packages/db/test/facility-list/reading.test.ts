import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../src/testing/index.ts";
import { byLine, listSources, runImport } from "./support.ts";

/**
 * Reading real-world lists: encodings, quoting, ragged rows, country spellings,
 * sectors, extra columns and bad rows. Each row's outcome is checked by its line.
 */
describe("reading a messy facility list", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await listSources(db);
  });
  afterAll(() => db?.close());

  it("reads BOM, CRLF, quoted commas/quotes/newlines, ragged rows, spaces, country spellings and sectors; rejects bad rows with their line", async () => {
    const csv =
      "\uFEFFcountry , Name,address,sector,lat,lng,contributor_notes\r\n" +
      'CN,"Example Footwear Co., Ltd.","No. 1 Example Road,\r\nDongguan, Guangdong",Footwear|Apparel ,22.9,113.7,from audit\r\n' + // 2-3
      'USA ,"Fictional ""Best"" Shoe Works",12 Sample Street Springfield,Footwear\r\n' + // 4: short row
      "United States,Imaginary Sole Company, 40 Demo Avenue Portland ,Footwear | Leather ,45.5,-122.6,x,y,z\r\n" + // 5: long row
      "\r\n" + // 6: blank
      "Viet Nam,Example Shoes Vietnam,Lot 7 Sample Industrial Park Binh Duong,Footwear,10.9,106.7\r\n" + // 7
      "Vietnam,Fictional Outsole Maker,Lot 9 Sample Industrial Park Binh Duong,Components,10.95,106.75\r\n" + // 8
      "China,Made-Up Lasting Ltd,88 Placeholder Road Putian,Footwear,25.4,119.0\r\n" + // 9
      "PK,Pretend Leather Works (Pvt) Ltd,5 Notional Lane Sialkot,Leather,32.5,74.5\r\n" + // 10
      "vnm,Alpha-Three Shoe Factory,3 Example Street Hanoi,,21.0,105.8\r\n" + // 11
      ",Nameless Country Works,1 Road,,,\r\n" + // 12
      "CN,,No name at all 1 Road,,,\r\n" + // 13
      "Atlantis,Sunken Shoe Co,1 Deep Road,,,\r\n" + // 14
      "CN,Far North Shoes,1 Pole Road,,95,10\r\n" + // 15
      "CN,Far East Shoes,1 Date Line Road,,10,190\r\n" + // 16
      "CN,Half Pinned Shoes,1 Half Road,,10,\r\n" + // 17
      "CN,Wordy Coordinates,1 Text Road,,north,east\r\n" + // 18
      ",,,,,\r\n" + // 19
      'ID,"Unclosed Quote Shoes,1 Broken Road\r\n'; // 20: quote never closed
    const report = await runImport(db, csv);
    expect(byLine(report.rows)).toEqual({
      2: "created example-footwear-co-ltd",
      4: "created fictional-best-shoe-works",
      5: "created imaginary-sole-company",
      7: "created example-shoes-vietnam",
      8: "created fictional-outsole-maker",
      9: "created made-up-lasting-ltd",
      10: "created pretend-leather-works-pvt-ltd",
      11: "created alpha-three-shoe-factory",
      12: "rejected: country is missing",
      13: "rejected: name is missing",
      14: 'rejected: country "Atlantis" is not a country solegraph knows (ISO 3166-1 code or English name)',
      15: "rejected: lat 95 is out of range (-90 to 90)",
      16: "rejected: lng 190 is out of range (-180 to 180)",
      17: "rejected: lat and lng must be given together",
      18: 'rejected: lat "north" is not a number',
      19: "rejected: the row is empty",
      20: expect.stringMatching(/^rejected: unreadable CSV: Quote Not Closed/),
    });
    expect(report.summary).toMatchObject({ rows: 17, created: 8, matched: 0, ambiguous: 0, rejected: 9 });
    expect(report.columns).toEqual({ read: ["country", "name", "address", "sector", "lat", "lng"], ignored: ["contributor_notes"] });
    expect(report.rows.find((row) => row.line === 5)?.notes).toEqual(["2 cell(s) beyond the header's columns ignored"]);

    const factories = await db.prisma.factory.findMany({
      where: { slug: { in: ["example-footwear-co-ltd", "fictional-best-shoe-works", "imaginary-sole-company", "example-shoes-vietnam", "pretend-leather-works-pvt-ltd", "alpha-three-shoe-factory"] } },
      select: { slug: true, name: true, countryCode: true, address: true, latitude: true, longitude: true, sectors: true, status: true, ownership: true, city: true },
      orderBy: { slug: "asc" },
    });
    expect(factories).toEqual([
      { slug: "alpha-three-shoe-factory", name: "Alpha-Three Shoe Factory", countryCode: "VN", address: "3 Example Street Hanoi", latitude: 21, longitude: 105.8, sectors: [], status: "OPERATING", ownership: null, city: null },
      { slug: "example-footwear-co-ltd", name: "Example Footwear Co., Ltd.", countryCode: "CN", address: "No. 1 Example Road, Dongguan, Guangdong", latitude: 22.9, longitude: 113.7, sectors: ["Footwear", "Apparel"], status: "OPERATING", ownership: null, city: null },
      { slug: "example-shoes-vietnam", name: "Example Shoes Vietnam", countryCode: "VN", address: "Lot 7 Sample Industrial Park Binh Duong", latitude: 10.9, longitude: 106.7, sectors: ["Footwear"], status: "OPERATING", ownership: null, city: null },
      { slug: "fictional-best-shoe-works", name: 'Fictional "Best" Shoe Works', countryCode: "US", address: "12 Sample Street Springfield", latitude: null, longitude: null, sectors: ["Footwear"], status: "OPERATING", ownership: null, city: null },
      { slug: "imaginary-sole-company", name: "Imaginary Sole Company", countryCode: "US", address: "40 Demo Avenue Portland", latitude: 45.5, longitude: -122.6, sectors: ["Footwear", "Leather"], status: "OPERATING", ownership: null, city: null },
      { slug: "pretend-leather-works-pvt-ltd", name: "Pretend Leather Works (Pvt) Ltd", countryCode: "PK", address: "5 Notional Lane Sialkot", latitude: 32.5, longitude: 74.5, sectors: ["Leather"], status: "OPERATING", ownership: null, city: null },
    ]);
    // Each cites the list: the row it comes from (the source has no URL: the fragment alone)
    // and our statement of its cells; the row itself is not copied in.
    const citation = await db.prisma.factorySource.findFirstOrThrow({ where: { factory: { slug: "example-footwear-co-ltd" } }, include: { source: true } });
    expect(citation.source.slug).toBe("example-list-2026");
    expect(citation.quote).toBeNull();
    expect(citation.locator).toBe("#row=2");
    expect(citation.statement).toBe("Lists Example Footwear Co., Ltd. in CN; at No. 1 Example Road, Dongguan, Guangdong; coordinates 22.9, 113.7; sectors Footwear, Apparel.");
    expect(citation.retrievedOn).toBeInstanceOf(Date);
    expect(citation.supports).toEqual(["name", "country", "address", "latitude", "longitude", "sectors", "status"]);
  });

  it("refuses a list without a name or country column, or an unknown source, writing nothing", async () => {
    const before = await db.prisma.factory.count();
    await expect(runImport(db, "country,title\nCN,Nothing Shoes\n")).rejects.toThrow(/no "name" column/);
    await expect(runImport(db, "")).rejects.toThrow(/empty/);
    await expect(runImport(db, "country,name\nCN,Some Shoes\n", { source: "no-such-list" })).rejects.toThrow(/No source is named "no-such-list"/);
    await expect(runImport(db, "country,name\nCN,Some Shoes\n", { brand: "example-brand" })).rejects.toThrow(/brand and its relation go together/);
    await expect(runImport(db, "country,name\nCN,Some Shoes\n", { brand: "no-brand", relation: "CONTRACT" })).rejects.toThrow(/No brand is named/);
    expect(await db.prisma.factory.count()).toBe(before);
  });

  it("reads UTF-8 without a BOM, LF line ends and names in other scripts", async () => {
    const report = await runImport(db, "name,country\n示例鞋业有限公司,China\nÉchantillon Chaussures SARL,FR\n");
    expect(byLine(report.rows)).toEqual({ 2: "created facility", 3: "created echantillon-chaussures-sarl" });
    expect(await db.prisma.factory.findUnique({ where: { slug: "facility" }, select: { name: true } })).toEqual({ name: "示例鞋业有限公司" });
  });
});
