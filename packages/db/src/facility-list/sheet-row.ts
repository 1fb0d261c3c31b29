/**
 * One row of a spreadsheet or CSV file, before anyone knows whether it is a title, the
 * header or a record: its cells as text, and the line (spreadsheet row number) it
 * begins on, which a citation's `#row=N` locator names.
 */
export type SheetRow =
  | {
      readonly kind: "row";
      readonly line: number;
      readonly cells: readonly string[];
      /** The row as the file has it (checked for characters PostgreSQL cannot hold). */
      readonly raw: string;
      /** Bytes of the file read so far, for a progress bar. */
      readonly bytes: number;
    }
  | { readonly kind: "malformed"; readonly line: number; readonly reason: string };
