import type { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";

/** The columns solegraph reads (Open Supply Hub's), and the other spellings lists use. */
export const LIST_COLUMNS = ["country", "name", "address", "sector", "lat", "lng"] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

const COLUMN_ALIASES: Readonly<Record<string, ListColumn>> = {
  country: "country",
  name: "name",
  address: "address",
  sector: "sector",
  sectors: "sector",
  lat: "lat",
  latitude: "lat",
  lng: "lng",
  lon: "lng",
  long: "lng",
  longitude: "lng",
};

/** What the header row says: where each known column is, and which columns are not read. */
export interface ListHeader {
  readonly positions: Readonly<Partial<Record<ListColumn, number>>>;
  /** Header cells solegraph does not read (reported once, for the whole file). */
  readonly ignored: readonly string[];
}

/** One record of the list after the header. */
export type ListRecord =
  | {
      readonly kind: "record";
      /** Line of the file where the record starts (1 is the header). */
      readonly line: number;
      readonly cells: Readonly<Partial<Record<ListColumn, string>>>;
      /** Cells beyond the header's width (a ragged row), not read. */
      readonly extraCells: number;
      /** The record as the file has it: the citation quotes it. */
      readonly raw: string;
    }
  | { readonly kind: "malformed"; readonly line: number; readonly reason: string };

export interface ReadProgress {
  /** Bytes of the file read so far (for a progress bar's ETA). */
  readonly bytes: number;
}

/**
 * Reads a facility list as it comes from spreadsheets, streamed: UTF-8 with or without
 * a byte order mark, quoted fields holding commas, quotes and line breaks, CRLF or LF
 * (mixed too), blank lines, rows shorter or longer than the header. A record the CSV
 * grammar cannot read (a quote never closed) is reported and skipped, never fatal.
 */
export async function* readFacilityList(
  input: Readable,
  onHeader: (header: ListHeader) => void,
  onProgress?: (progress: ReadProgress) => void,
): AsyncGenerator<ListRecord> {
  // Records csv-parse skips, with how many records it had read before each: the parser
  // may run ahead of this loop (a whole chunk at once), so they wait for their turn.
  const skipped: { readonly after: number; readonly reason: string }[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      raw: true,
      info: true,
    }),
  );
  // The source stream's errors (an unreadable file) must end the iteration, not vanish.
  input.on("error", (error) => parser.destroy(error));
  // A record csv-parse cannot read starts after the last one read (its message's line
  // number counts differently, so it is left out).
  parser.on("skip", (error: CsvError & { records?: number }) => {
    skipped.push({ after: error.records ?? 0, reason: `unreadable CSV: ${error.message.replace(/ at line \d+$/, "")}` });
  });
  let records = 0;
  const due = function* (): Generator<ListRecord> {
    while (skipped.length > 0 && skipped[0]!.after <= records) yield { kind: "malformed", line: linesBefore + 1, reason: skipped.shift()!.reason };
  };
  let header: ListHeader | undefined;
  // Lines are counted here, from each record's raw text (which holds the blank lines
  // before it): csv-parse's own count takes a CRLF inside a quoted cell for two lines.
  let linesBefore = 0;
  for await (const chunk of parser as AsyncIterable<{ record: string[]; raw: string; info: { bytes: number } }>) {
    yield* due();
    records++;
    const { record, info } = chunk;
    const leading = /^[\r\n]*/.exec(chunk.raw)![0];
    const raw = chunk.raw.slice(leading.length).replace(/(\r\n|\n|\r)$/, "");
    const line = linesBefore + lineBreaks(leading) + 1;
    linesBefore += lineBreaks(chunk.raw);
    if (!header) {
      header = headerOf(record);
      onHeader(header);
      continue;
    }
    const cells: Partial<Record<ListColumn, string>> = {};
    for (const [column, position] of Object.entries(header.positions) as [ListColumn, number][]) {
      const cell = record[position];
      if (cell !== undefined) cells[column] = cell;
    }
    const width = Object.keys(header.positions).length + header.ignored.length;
    yield { kind: "record", line, cells, extraCells: Math.max(0, record.length - width), raw };
    onProgress?.({ bytes: info.bytes });
  }
  records = Infinity;
  yield* due();
  if (!header) onHeader(headerOf([]));
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}

function headerOf(cells: readonly string[]): ListHeader {
  const positions: Partial<Record<ListColumn, number>> = {};
  const ignored: string[] = [];
  cells.forEach((cell, position) => {
    const column = COLUMN_ALIASES[cell.trim().toLowerCase()];
    if (column && positions[column] === undefined) positions[column] = position;
    else ignored.push(cell.trim());
  });
  return { positions, ignored };
}
