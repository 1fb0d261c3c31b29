import type { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import type { SheetRow } from "./sheet-row.ts";

/**
 * Reads a CSV file's rows as they come from spreadsheets, streamed: UTF-8 with or
 * without a byte order mark, quoted fields holding commas, quotes and line breaks, CRLF
 * or LF (mixed too), blank lines, rows of any width. A record the CSV grammar cannot
 * read (a quote never closed) is reported and skipped, never fatal. Which row is the
 * header is decided later (`read-list.ts`): a title row may come first.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<SheetRow> {
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
  const due = function* (): Generator<SheetRow> {
    while (skipped.length > 0 && skipped[0]!.after <= records) yield { kind: "malformed", line: linesBefore + 1, reason: skipped.shift()!.reason };
  };
  // Lines are counted here, from each record's raw text (which holds the blank lines
  // before it): csv-parse's own count takes a CRLF inside a quoted cell for two lines.
  let linesBefore = 0;
  for await (const chunk of parser as AsyncIterable<{ record: string[]; raw: string; info: { bytes: number } }>) {
    yield* due();
    records++;
    const leading = /^[\r\n]*/.exec(chunk.raw)![0];
    const raw = chunk.raw.slice(leading.length).replace(/(\r\n|\n|\r)$/, "");
    const line = linesBefore + lineBreaks(leading) + 1;
    linesBefore += lineBreaks(chunk.raw);
    yield { kind: "row", line, cells: chunk.record, raw, bytes: chunk.info.bytes };
  }
  records = Infinity;
  yield* due();
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}
