import type { Readable } from "node:stream";
import { isHeaderOf, LAYOUTS, positionsOf, type Layout, type LayoutName, type ListField } from "./layouts/index.ts";
import { listDateOf } from "./list-date.ts";
import { readSpreadsheetRows, type SpreadsheetFormat } from "./read-spreadsheet.ts";
import type { SheetRow } from "./sheet-row.ts";

/** Rows looked at for the header: title rows above it are a line or two, never a page. */
const HEADER_SEARCH_ROWS = 20;

/** What the rows above the records say: the layout, where each field is, and the list's date. */
export interface ListHeader {
  readonly format: SpreadsheetFormat;
  readonly layout: LayoutName;
  /** The line of the header row (1 unless title rows come first). */
  readonly line: number;
  readonly positions: Readonly<Partial<Record<ListField, number>>>;
  /** Header cells solegraph does not read (reported once, for the whole file). */
  readonly ignored: readonly string[];
  /** The date a title row gives ("Data As Of JUNE 2025" → 2025-06-01), when one does. */
  readonly listDate: string | undefined;
}

/** One record of the list after the header. */
export type ListRecord =
  | {
      readonly kind: "record";
      /** Line (spreadsheet row) where the record starts: its citation's `#row=N`. */
      readonly line: number;
      readonly cells: Readonly<Partial<Record<ListField, string>>>;
      /** Cells beyond the header's width (a ragged row), not read. */
      readonly extraCells: number;
      readonly raw: string;
    }
  | { readonly kind: "malformed"; readonly line: number; readonly reason: string };

export interface ReadProgress {
  /** Bytes of the file read so far (for a progress bar's ETA). */
  readonly bytes: number;
}

/**
 * Reads a facility list (CSV, .xlsx or .xls) into records of solegraph's fields: finds
 * the header row (the first row that is a known layout's header, or `layout`'s when one
 * is forced), takes the list's date from a title row above it, then maps every later
 * row's cells onto fields. Without a recognisable header the first row is taken for
 * one, and the import's header check says what it lacks.
 */
export async function* readFacilityList(
  input: Readable,
  options: { readonly layout?: Layout | undefined },
  onHeader: (header: ListHeader) => void,
  onProgress?: (progress: ReadProgress) => void,
): AsyncGenerator<ListRecord> {
  let format: SpreadsheetFormat = "csv";
  const rows = readSpreadsheetRows(input, (f) => (format = f));
  const above: SheetRow[] = [];
  let header: ListHeader | undefined;
  let width = 0;
  const start = (row: Extract<SheetRow, { kind: "row" }>, layout: Layout, titles: readonly SheetRow[]) => {
    const { positions, ignored } = positionsOf(layout, row.cells);
    const listDate = titles.flatMap((title) => (title.kind === "row" ? [listDateOf(title.cells.join(" "))] : [])).find((date) => date !== undefined);
    header = { format, layout: layout.name, line: row.line, positions, ignored, listDate };
    width = row.cells.length;
    onHeader(header);
  };
  const record = (row: SheetRow): ListRecord => {
    if (row.kind === "malformed") return row;
    const cells: Partial<Record<ListField, string>> = {};
    for (const [field, position] of Object.entries(header!.positions) as [ListField, number][]) {
      const cell = row.cells[position];
      if (cell !== undefined) cells[field] = cell;
    }
    return { kind: "record", line: row.line, cells, extraCells: Math.max(0, row.cells.length - width), raw: row.raw };
  };

  for await (const row of rows) {
    if (header) {
      yield record(row);
      if (row.kind === "row") onProgress?.({ bytes: row.bytes });
      continue;
    }
    const layout = row.kind === "row" ? (options.layout ? (isHeaderOf(options.layout, row.cells) ? options.layout : undefined) : LAYOUTS.find((l) => isHeaderOf(l, row.cells))) : undefined;
    if (layout && row.kind === "row") {
      start(row, layout, above);
      continue;
    }
    above.push(row);
    if (above.length >= HEADER_SEARCH_ROWS) yield* firstRowAsHeader();
  }
  if (!header) yield* firstRowAsHeader();

  // No row looked like a header: the first row is taken for one (the import's check says
  // which columns it lacks), the rest are records.
  function* firstRowAsHeader(): Generator<ListRecord> {
    const index = above.findIndex((row) => row.kind === "row");
    const first = above[index];
    if (first?.kind !== "row") {
      header = { format, layout: options.layout?.name ?? "contributor-csv", line: 1, positions: {}, ignored: [], listDate: undefined };
      onHeader(header);
    } else {
      start(first, options.layout ?? LAYOUTS.at(-1)!, []);
    }
    for (const row of above.splice(0).slice(index + 1)) yield record(row);
  }
}
