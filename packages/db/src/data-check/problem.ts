/**
 * One thing `npm run data:check` found wrong: the record (what a reader would look up),
 * the field, and what is wrong with it, in words a curator can act on.
 */
export interface DataProblem {
  /** e.g. "factory nb-methuen", "claim 12 (brand new-balance)", "source just-style-2022-03-30". */
  readonly record: string;
  /** e.g. "citation just-style-2022-03-30 › locator", "workforce", "publishedOn". */
  readonly field: string;
  readonly message: string;
}

export function formatProblem(problem: DataProblem): string {
  return `${problem.record} › ${problem.field}: ${problem.message}`;
}

/** Rows are read a page at a time, so a registry of a million facilities is checked in flat memory. */
export const PAGE_SIZE = 5_000;
