import * as XLSX from "@e965/xlsx";

/**
 * Invented facility lists in each layout solegraph reads, built with the same library
 * that reads them (every name is fictional). Workbooks are made in memory, so the tests
 * need no binary fixtures in the repository.
 */

export const MAP_HEADER = [
  "Factory Name", "Factory Type", "Product Type Type", "Example Brand Brand(s)", "Events", "Supplier Group", "Address", "City", "State",
  "Postal Code", "Country / Region", "Region", "Total Workers", "Line Workers", "% Female Workers", "% Migrant Workers",
] as const;

export type MapRow = readonly (string | number | null)[];

/** The first snapshot of Example Brand's manufacturing map, as of June 2025. */
export const JUNE_2025: readonly MapRow[] = [
  ["Example Footwear Co.,Ltd", "FINISHED GOODS", "Footwear", "Example Brand", "", "FICTIONAL GROUP CO.", "No. 1 Example Road", "Dongguan", "Guangdong", "523000", "China", "Asia", 5000, 4200, 0.7, 0.1],
  ["Sample Shoes Vietnam Co., Ltd.", "FINISHED GOODS", "Footwear", "Example Brand; Example Sub Brand", "", "Fictional-Group Co", "Lot 7 Sample Industrial Park", "Thu Dau Mot", "Binh Duong", "", "Viet Nam", "Asia", 8000, 7000, 0.8, 0.02],
  ["Imaginary Outsole Ltd", "FINISHED GOODS - COMPONENTS", "Footwear", "Example Brand", "", "Make-Believe Holdings", "9 Demo Street", "Taichung", "", "", "Taiwan", "Asia", 300, null, null, null],
  ["Pretend Textile Mill", "MATERIALS", "Apparel, Footwear", "Example Brand", "", "", "3 Notional Avenue", "Bursa", "", "", "Türkiye", "EMEA", null, null, null, null],
  ["Fictional Apparel Works", "FINISHED GOODS", "Apparel", "Example Brand", "", "", "5 Placeholder Road", "Busan", "", "", "South Korea", "Asia", 900, null, 0.55, null],
  ["Demo Sneaker Lab", "FINISHED GOODS", "Footwear", "Example Brand", "", "", "1 Sample Boulevard", "Portland", "OR", "97201", "USA", "Americas", 120, 80, null, null],
];

/**
 * The next snapshot, as of December 2025: the same factories spelled and addressed a
 * little differently, Imaginary Outsole and Demo Sneaker Lab no longer listed, one new.
 */
export const DECEMBER_2025: readonly MapRow[] = [
  ["Example Footwear Co., Ltd.", "FINISHED GOODS", "Footwear", "Example Brand", "", "Fictional Group Co.", "No.1 Example Rd., Dongguan City", "Dongguan", "Guangdong", "523000", "China", "Asia", 5100, 4300, 0.69, 0.1],
  ["SAMPLE SHOES VIETNAM CO.,LTD", "FINISHED GOODS", "Footwear", "Example Brand; Example Sub Brand", "", "FICTIONAL GROUP CO", "Lot 7, Sample Industrial Park", "Thu Dau Mot", "Binh Duong", "", "Vietnam", "Asia", 8100, 7100, 0.8, 0.02],
  ["Pretend Textile Mill", "MATERIALS", "Apparel, Footwear", "Example Brand", "", "", "3 Notional Avenue", "Bursa", "", "", "Turkey", "EMEA", null, null, null, null],
  ["Fictional Apparel Works", "FINISHED GOODS", "Apparel", "Example Brand", "", "", "5 Placeholder Road", "Busan", "", "", "Korea, Republic of", "Asia", 900, null, 0.55, null],
  ["Newcomer Footwear Industries", "FINISHED GOODS", "Footwear", "Example Brand", "", "Make-Believe Holdings", "12 Invented Way", "Serang", "Banten", "", "Indonesia", "Asia", 2500, 2000, 0.85, 0.0],
];

/** A manufacturing-map export: a title row naming its date, then the header and rows. */
export function manufacturingMap(rows: readonly MapRow[], asOf = "JUNE 2025"): (string | number | null)[][] {
  return [[`Data Export - Filters applied: (none) Data As Of ${asOf}`], [...MAP_HEADER], ...rows.map((row) => [...row])];
}

/** A workbook of one sheet; share columns (% ...) formatted as percentages, as brands export them. */
export function workbook(rows: readonly (readonly (string | number | null)[])[], bookType: "xlsx" | "biff8"): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => [...row]));
  const header = rows.findIndex((row) => row.includes("% Female Workers"));
  if (header >= 0) {
    const columns = rows[header]!.flatMap((cell, index) => (String(cell).startsWith("%") ? [index] : []));
    for (let r = header + 1; r < rows.length; r++) {
      for (const c of columns) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell && cell.t === "n") cell.z = "0%";
      }
    }
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Factories");
  return XLSX.write(book, { type: "buffer", bookType }) as Buffer;
}

/** The same rows as CSV text (quoted where needed). */
export function csv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

export const OSH_HEADER = [
  "os_id", "contribution_date", "name", "address", "country_code", "country_name", "lat", "lng", "sector", "contributor", "number_of_workers",
  "parent_company", "processing_type_facility_type_raw", "facility_type", "processing_type", "product_type", "is_closed",
] as const;

/** An Open Supply Hub download with three fictional facilities. */
export function openSupplyHubDownload(): string {
  return csv([
    [...OSH_HEADER],
    ["CN2025000EXMPL1", "2025-05-01", "Example Footwear (Dongguan) Co., Ltd.", "No. 1 Example Road, Dongguan, Guangdong", "CN", "China", 22.9, 113.7, "Footwear", "Example Contributor", "1001-5000", "Fictional Group", "Final Product Assembly", "Final Product Assembly", "Assembly", "Shoes", "False"],
    ["KH2025000EXMPL2", "2025-05-01", "Fictional Cambodia Shoes", "Street 9 Example Zone, Phnom Penh", "KH", "Cambodia", 11.55, 104.9, "Footwear", "Example Contributor", "750", "", "Final Product Assembly", "Final Product Assembly", "Assembly", "Shoes", "False"],
    ["IN2025000EXMPL3", "2025-05-01", "Pretend Leather Tannery", "4 Imaginary Road, Chennai", "IN", "India", 13.08, 80.27, "Leather", "Example Contributor", "", "", "Raw Material Processing", "Raw Material Processing or Production", "Tanning", "Leather", "False"],
  ]);
}
