import { headerKey, type ListField } from "./fields.ts";

export type LayoutName = "manufacturing-map" | "open-supply-hub" | "contributor-csv" | "columns-file";

/** Where each field is in the header row, and the header cells no field reads. */
export interface ColumnPositions {
  readonly positions: Readonly<Partial<Record<ListField, number>>>;
  readonly ignored: readonly string[];
}

/** A way lists lay out their columns, recognised from the header row. */
export interface Layout {
  readonly name: LayoutName;
  /** The header cells (as `headerKey` spells them) a header must hold to be this layout's. */
  readonly signature: readonly string[];
  /** Header spellings of each field, first match wins; a RegExp for names that vary ("Nike Brand(s)"). */
  readonly columns: Readonly<Partial<Record<ListField, readonly (string | RegExp)[]>>>;
}

/** True when the row holds every cell of the layout's signature: it is this layout's header. */
export function isHeaderOf(layout: Layout, cells: readonly string[]): boolean {
  const keys = new Set(cells.map(headerKey));
  return layout.signature.every((cell) => keys.has(cell));
}

/** The layout's fields found in a header row. */
export function positionsOf(layout: Layout, cells: readonly string[]): ColumnPositions {
  const positions: Partial<Record<ListField, number>> = {};
  const ignored: string[] = [];
  cells.forEach((cell, position) => {
    const key = headerKey(cell);
    const field = (Object.entries(layout.columns) as [ListField, readonly (string | RegExp)[]][]).find(
      ([name, spellings]) => positions[name] === undefined && spellings.some((spelling) => (typeof spelling === "string" ? spelling === key : spelling.test(key))),
    )?.[0];
    if (field) positions[field] = position;
    else if (cell.trim() !== "") ignored.push(cell.trim());
  });
  return { positions, ignored };
}
