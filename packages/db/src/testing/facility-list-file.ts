import { createWriteStream } from "node:fs";
import { once } from "node:events";

const COUNTRIES = ["VN", "Viet Nam", "CN", "China", "IDN", "Indonesia", "KH", "Cambodia", "BD", "Bangladesh", "IN", "PK", "USA", "United States", "Mexico", "BR"];

/** A facility already in the registry that a list names again (a disclosure's known sites). */
export interface ListedFacility {
  readonly name: string;
  readonly countryCode: string;
  readonly address: string | null;
}

/**
 * Writes a facility list of `rows` rows, streamed, like the ones brands publish: every
 * country spelling, quoted names with commas, sectors with `|`, an extra column, about
 * 1% rows repeating an earlier facility and 1% rows that must be rejected. Names are
 * fictional and distinct; sites sit on a 0.02° grid, so no two are within 50 m.
 *
 * With `existing` (facilities of the registry it will be imported into), one row in ten
 * names one of them instead, by name, country and address and without coordinates (a
 * disclosure's known sites, matched rather than created; without coordinates so that a
 * neighbour within 50 m cannot make the row ambiguous): mostly new facilities, some known,
 * like a real disclosure. Into an empty registry the same rows are new.
 */
export async function writeFacilityList(path: string, rows: number, existing: readonly ListedFacility[] = []): Promise<void> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, "drain");
  };
  await write("\uFEFFcountry,name,address,sector,lat,lng,supplier_type\r\n");
  let known = 0;
  for (let i = 1; i <= rows; i++) {
    if (i % 100 === 50) {
      await write(`Atlantis,Sunken Sole Works ${i},,Footwear,,,Tier 1\r\n`);
      continue;
    }
    if (i % 10 === 3 && existing.length > 0) {
      const site = existing[known++ % existing.length]!;
      await write(`${site.countryCode},${quoted(site.name)},${quoted(site.address ?? "")},Footwear,,,Tier 1\r\n`);
      continue;
    }
    const n = i % 100 === 75 ? i - 70 : i; // repeats an earlier row's facility
    const country = COUNTRIES[n % COUNTRIES.length]!;
    const lat = (-40 + (Math.floor(n / 4000) * 0.02)).toFixed(4);
    const lng = (-170 + ((n % 4000) * 0.02)).toFixed(4);
    const pinned = n % 3 !== 0;
    await write(
      `${country},"Fictional Footwear Unit ${n}, Co., Ltd.","No. ${n}, Example Road, Sample District",Footwear${n % 2 ? "|Apparel" : ""},${pinned ? lat : ""},${pinned ? lng : ""},Tier ${1 + (n % 3)}\r\n`,
    );
  }
  out.end();
  await once(out, "finish");
}

const quoted = (field: string) => `"${field.replaceAll('"', '""')}"`;

/**
 * Writes a brand's manufacturing-map export of `rows` factories as a workbook (.xlsx,
 * or legacy .xls: BIFF8), built with SheetJS like the lists brands publish: a title row
 * with the list's date, the map's header, roles, sectors, supplier groups (one per 50
 * factories, spelled in two ways), worker figures and shares. Fictional names; sites
 * are distinct by name and address.
 */
export async function writeManufacturingMap(path: string, rows: number, bookType: "xlsx" | "biff8"): Promise<void> {
  const XLSX = await import("@e965/xlsx");
  const { writeFile } = await import("node:fs/promises");
  const TYPES = ["FINISHED GOODS", "FINISHED GOODS", "FINISHED GOODS - COMPONENTS", "MATERIALS"];
  const MAP_COUNTRIES = ["Viet Nam", "China", "Indonesia", "Cambodia", "India", "Taiwan", "South Korea", "Türkiye", "USA", "Brazil"];
  const sheet: (string | number)[][] = [
    ["Data Export - Filters applied: (none) Data As Of JUNE 2025"],
    ["Factory Name", "Factory Type", "Product Type Type", "Bench Brand Brand(s)", "Events", "Supplier Group", "Address", "City", "State", "Postal Code",
      "Country / Region", "Region", "Total Workers", "Line Workers", "% Female Workers", "% Migrant Workers"],
  ];
  for (let n = 1; n <= rows; n++) {
    const group = Math.floor(n / 50);
    sheet.push([
      `Fictional Footwear Unit ${n} Co., Ltd.`,
      TYPES[n % TYPES.length]!,
      n % 5 === 0 ? "Apparel" : "Footwear",
      "Bench Brand",
      "",
      n % 2 ? `Example Group ${group} Co.` : `EXAMPLE GROUP ${group} CO`,
      `No. ${n} Example Road`,
      `Sample City ${n % 97}`,
      "",
      "",
      MAP_COUNTRIES[n % MAP_COUNTRIES.length]!,
      "Asia",
      500 + (n % 5000),
      400 + (n % 4000),
      `${50 + (n % 40)}%`,
      `${n % 20}%`,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet), "Factories");
  await writeFile(path, XLSX.write(book, { type: "buffer", bookType, compression: true }) as Buffer);
}
