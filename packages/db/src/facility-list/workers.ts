import type { ListField } from "./layouts/index.ts";

/** A list's worker figures for one factory, as of the list's date. */
export interface Workers {
  readonly total: number | null;
  readonly line: number | null;
  /** Shares of the workforce, 0-100. */
  readonly femalePercent: number | null;
  readonly migrantPercent: number | null;
}

/**
 * Reads the worker cells: counts as whole numbers ("1,250" too), shares as "62%", "62"
 * or a fraction with a decimal point ("0.62", how a workbook's percentage cell may
 * export). A cell that is none of these (a range like "1001-5000") is left out and
 * noted, never guessed.
 */
export function readWorkers(cells: Readonly<Partial<Record<ListField, string>>>, notes: string[]): Workers {
  const count = (field: ListField, label: string): number | null => {
    const text = (cells[field] ?? "").trim();
    if (text === "") return null;
    const plain = text.replace(/[,\s]/g, "");
    if (/^\d+$/.test(plain)) return Number(plain);
    notes.push(`${label} "${text}" is not a whole number: not kept`);
    return null;
  };
  const share = (field: ListField, label: string): number | null => {
    const text = (cells[field] ?? "").trim();
    if (text === "") return null;
    const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
    if (match) {
      const value = Number(match[1]);
      const percent = match[2] === "%" || !match[1]!.includes(".") || value > 1 ? value : value * 100;
      if (percent <= 100) return Math.round(percent * 100) / 100;
    }
    notes.push(`${label} "${text}" is not a share between 0 and 100%: not kept`);
    return null;
  };
  return {
    total: count("totalWorkers", "total workers"),
    line: count("lineWorkers", "line workers"),
    femalePercent: share("femaleWorkers", "% female workers"),
    migrantPercent: share("migrantWorkers", "% migrant workers"),
  };
}
