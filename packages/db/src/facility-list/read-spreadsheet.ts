import { Readable } from "node:stream";
import { readCsvRows } from "./read-csv.ts";
import { readWorkbookRows } from "./read-workbook.ts";
import type { SheetRow } from "./sheet-row.ts";

export type SpreadsheetFormat = "csv" | "xlsx" | "xls";

/** An .xlsx file is a zip; an .xls a Compound File (OLE2). Anything else is read as CSV. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The rows of a facility list in any of the formats brands publish, told apart by the
 * file's first bytes (an upload's name can lie or be missing): CSV is streamed, a
 * workbook (.xlsx, .xls) is read whole and its first sheet's rows handed out.
 */
export async function* readSpreadsheetRows(input: Readable, onFormat?: (format: SpreadsheetFormat) => void): AsyncGenerator<SheetRow> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : toBuffer(first.value);
  const format: SpreadsheetFormat = startsWith(head, ZIP) ? "xlsx" : startsWith(head, COMPOUND_FILE) ? "xls" : "csv";
  onFormat?.(format);
  async function* rest(): AsyncGenerator<Buffer> {
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value);
  }
  if (format === "csv") {
    yield* readCsvRows(Readable.from(rest()));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of rest()) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  yield* readWorkbookRows(bytes);
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}
