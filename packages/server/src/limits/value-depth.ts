import { isFileValue } from "../uploads/disk-file.ts";

/** Variables nest at most this deep (the schema's inputs nest a few levels); deeper is refused, never walked recursively. */
export const MAX_VARIABLE_DEPTH = 64;

/** Whether a JSON value nests deeper than `max`, found with a stack of its own (no recursion). Files are leaves. */
export function nestedDeeperThan(root: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, depth } = next;
    if (value === null || typeof value !== "object" || isFileValue(value)) continue;
    if (depth >= max) return true;
    for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: item, depth: depth + 1 });
  }
  return false;
}
