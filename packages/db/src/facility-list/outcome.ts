import type { Ownership } from "../generated/prisma/enums.ts";

/** What became of one row of a facility list. */
export type RowOutcomeKind = "created" | "matched" | "ambiguous" | "rejected" | "skipped";

/**
 * Why a row was taken for a factory: the os_id, the normalised name, the address, the
 * coordinates, or a name spelt alike within SIMILAR_NAME_RADIUS_KM (match.ts); a
 * similar name farther away, or without coordinates, is a possible duplicate only.
 */
export type MatchReason = "osId" | "name" | "address" | "location" | "similarName";

/** A factory a row could be (ambiguous rows), or may duplicate (created rows), and why. */
export interface RowCandidate {
  /** The factory's slug, or "(line n of this list)" for one the list itself creates. */
  readonly slug: string;
  readonly matchedBy: readonly MatchReason[];
}

export interface RowOutcome {
  /** Line of the file where the row starts (the header is line 1). */
  readonly line: number;
  readonly outcome: RowOutcomeKind;
  /** The factory created or matched (created and matched rows). */
  readonly factory?: { readonly id: number; readonly slug: string };
  /** What matched (matched rows), and for ambiguous rows each candidate's reasons. */
  readonly matchedBy?: readonly MatchReason[];
  /** Fields of the matched factory this row filled in (address, coordinates, sectors, ...). */
  readonly updated?: readonly string[];
  /** Factories the row could be (ambiguous rows): nothing was written for it. */
  readonly candidates?: readonly RowCandidate[];
  /**
   * Created rows: factories of the same country whose name is spelt alike, which nothing
   * else ties to this row (no coordinates within SIMILAR_NAME_RADIUS_KM): possibly the same
   * site, for a curator to check; not merged.
   */
  readonly possibleDuplicates?: readonly RowCandidate[];
  /** Why the row was rejected or found ambiguous. */
  readonly reason?: string;
  /** What was read but not used. */
  readonly notes?: readonly string[];
}

export interface FacilityListSummary {
  readonly rows: number;
  readonly created: number;
  readonly matched: number;
  /** Matched factories whose fields the list filled in (counted once per factory). */
  readonly updated: number;
  readonly ambiguous: number;
  /** Created rows with possible duplicates (`RowOutcome.possibleDuplicates`). */
  readonly possibleDuplicates: number;
  readonly rejected: number;
  /** Rows of other sectors than the import was limited to (`--sector`). */
  readonly skipped: number;
  readonly citationsAdded: number;
  readonly brandRelationsAdded: number;
  /** Audit records written: one per batch that changed anything (action IMPORT, on the list's Source). */
  readonly changes: number;
}

/** The import as a whole; the rows' outcomes go to `onOutcome` as they are decided. */
export interface FacilityListReport {
  /** True when everything in the outcomes is in the database; false for a dry run. */
  readonly committed: boolean;
  /**
   * The ImportRun row (null for a dry run or a list with no rows), its committed batches,
   * and, when this import continued a run that had stopped, the line it had reached
   * (the summary then counts that run's earlier rows too; their outcomes were reported then).
   */
  readonly run: { readonly id: number | null; readonly batches: number; readonly resumedAfterLine: number | null };
  readonly dryRun: boolean;
  readonly source: string;
  readonly brand: string | null;
  readonly relation: Ownership | null;
  /** What the file was read as: its format and the layout of its columns. */
  readonly format: "csv" | "xlsx" | "xls";
  readonly layout: string;
  /** The date the list holds as of (YYYY-MM-DD). */
  readonly asOf: string;
  /** With a brand: the disclosure this list is, and what it changed. */
  readonly disclosure: { readonly asOf: string; readonly factoryCount: number; readonly added: number; readonly dropped: number } | null;
  /** The fields solegraph read from the header's columns, and the columns it ignored. */
  readonly columns: { readonly read: readonly string[]; readonly ignored: readonly string[] };
  readonly summary: FacilityListSummary;
  readonly elapsedMs: number;
}

/** The import's options a refusal can be about (the CLI's flags, the mutation's input fields). */
export type FacilityListOption = "source" | "brand" | "relation" | "file" | "asOf" | "layout" | "columns" | "sector";

/** A refusal of the whole list (unknown source, no `name` column, ...): nothing was written. */
export class FacilityListError extends Error {
  constructor(
    message: string,
    readonly code: "NOT_FOUND" | "INVALID_LIST" | "INVALID_OPTIONS",
    /** The option it is about. */
    readonly option: FacilityListOption,
  ) {
    super(message);
    this.name = "FacilityListError";
  }
}
