import { readFileSync } from "node:fs";
import { FacilityListError } from "../outcome.ts";
import { headerKey, isListField, LIST_FIELDS, type ListField } from "./fields.ts";
import type { Layout } from "./layout.ts";

/**
 * A layout from a mapping (`--columns mapping.json`): `{ "name": "Supplier Name",
 * "country": "Nation", ... }`, our field ← their column. Its signature is every mapped
 * column, so the header row is the first row that holds them all.
 */
export function layoutFromMapping(mapping: unknown): Layout {
  const wrong = (why: string) => new FacilityListError(`The columns mapping ${why} (expected {"name": "their column", "country": "their column", ...}; fields: ${LIST_FIELDS.join(", ")}).`, "INVALID_OPTIONS", "columns");
  if (typeof mapping !== "object" || mapping === null || Array.isArray(mapping)) throw wrong("is not a JSON object");
  const columns: Partial<Record<ListField, string[]>> = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (!isListField(field)) throw wrong(`names "${field}", which is not a field solegraph reads`);
    if (typeof column !== "string" || column.trim() === "") throw wrong(`gives no column name for "${field}"`);
    columns[field] = [headerKey(column)];
  }
  if (!columns.name || !columns.country) throw wrong("must map at least name and country");
  return { name: "columns-file", signature: Object.values(columns).flat(), columns };
}

/** Reads a mapping file from disk (the command line's `--columns FILE`). */
export function readColumnsFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    throw new FacilityListError(`The columns file ${path} cannot be read as JSON (${error instanceof Error ? error.message : String(error)}).`, "INVALID_OPTIONS", "columns");
  }
}
