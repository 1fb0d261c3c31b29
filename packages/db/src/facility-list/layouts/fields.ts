/**
 * What solegraph reads from a facility list's row, whatever the list calls its columns.
 * Layouts map their columns onto these; `--columns mapping.json` does the same for any
 * other layout (our field ← their column).
 */
export const LIST_FIELDS = [
  "name",
  "country",
  "address",
  "city",
  "state",
  "postalCode",
  "lat",
  "lng",
  "sector",
  "role",
  "brands",
  "supplierGroup",
  "totalWorkers",
  "lineWorkers",
  "femaleWorkers",
  "migrantWorkers",
  "osId",
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export function isListField(name: string): name is ListField {
  return (LIST_FIELDS as readonly string[]).includes(name);
}

/** A header cell as layouts compare it: trimmed, lower case, single spaces. */
export function headerKey(cell: string): string {
  return cell.replace(/\s+/g, " ").trim().toLowerCase();
}
