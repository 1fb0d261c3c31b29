import * as XLSX from "@e965/xlsx";
import type { SheetRow } from "./sheet-row.ts";

/** A workbook the reader cannot open: a refusal of the whole file. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableWorkbookError";
  }
}

/**
 * The first sheet's rows of an .xlsx or legacy .xls (BIFF8) workbook, each cell as the
 * spreadsheet displays it (its formatted text: "45%", "1,250", a date as written), so a
 * number reads the same from a workbook as from its CSV export. SheetJS reads a
 * workbook whole (a zip or a compound file cannot be parsed as a stream), so the file is
 * in memory once; rows are then handed out one at a time from its dense sheet rather
 * than copied into a second array of objects.
 */
export function* readWorkbookRows(bytes: Uint8Array): Generator<SheetRow> {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: "buffer", dense: true, cellText: true, cellDates: false, cellHTML: false, cellFormula: false, cellStyles: false });
  } catch (error) {
    throw new UnreadableWorkbookError(`the workbook cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const name = workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : (workbook.Sheets[name] as XLSX.DenseSheet | undefined);
  if (!sheet || !sheet["!ref"]) return;
  const range = XLSX.utils.decode_range(sheet["!ref"]);
  const data = sheet["!data"] ?? [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row = data[r];
    if (!row) continue;
    const cells: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) cells.push(textOf(row[c]));
    while (cells.length > 0 && cells.at(-1) === "") cells.pop();
    if (cells.length === 0) continue; // a blank row, like a blank line of a CSV
    // Spreadsheet rows are numbered from 1: `#row=N` names the row a reader sees.
    yield { kind: "row", line: r + 1, cells, raw: cells.join("\t"), bytes: bytes.length };
  }
}

function textOf(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return "";
  if (cell.w !== undefined) return cell.w;
  return String(cell.v);
}
