import { contributorCsv } from "./contributor-csv.ts";
import type { Layout, LayoutName } from "./layout.ts";
import { manufacturingMap } from "./manufacturing-map.ts";
import { openSupplyHub } from "./open-supply-hub.ts";

export { layoutFromMapping, readColumnsFile } from "./columns-file.ts";
export { headerKey, LIST_FIELDS, type ListField } from "./fields.ts";
export { isHeaderOf, positionsOf, type ColumnPositions, type Layout, type LayoutName } from "./layout.ts";

/** The layouts recognised from a header, most specific first (the contributor CSV's signature is the loosest). */
export const LAYOUTS: readonly Layout[] = [manufacturingMap, openSupplyHub, contributorCsv];

/** The names `--layout NAME` takes. */
export const LAYOUT_NAMES = LAYOUTS.map((layout) => layout.name) as readonly Exclude<LayoutName, "columns-file">[];

export function layoutNamed(name: string): Layout | undefined {
  return LAYOUTS.find((layout) => layout.name === name);
}
