import type { FacilityListReport, MatchReason, RowOutcome } from "@solegraph/db";
import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import { encodeGlobalID } from "../../global-id.ts";
import { OwnershipEnum } from "../../schema/enums.ts";

/** What `importFacilityList` answers: the report, and every row's outcome. */
export interface ImportedList {
  readonly report: FacilityListReport;
  readonly rows: readonly RowOutcome[];
}

/** Most rows one page of `rows` gives (the answer-size cap would refuse 100,000 at once). */
export const MAX_ROWS_PAGE = 10_000;

const RowOutcomeEnum = builder.enumType("FacilityRowOutcome", {
  description: "What became of one row of a facility list.",
  values: {
    CREATED: { value: "created", description: "A new factory, citing the list." },
    MATCHED: { value: "matched", description: "A factory already in the graph (or on an earlier line), now citing the list." },
    AMBIGUOUS: { value: "ambiguous", description: "It could be several factories: nothing was written for it." },
    REJECTED: { value: "rejected", description: "It cannot be imported (see `reason`)." },
    SKIPPED: { value: "skipped", description: "Not of the sector the import was limited to: nothing written for it." },
  } as const,
});

const MatchReasonEnum = builder.enumType("FacilityMatchReason", {
  values: {
    OS_ID: { value: "osId", description: "The same Open Supply Hub ID (os_id): matched on it first." },
    NAME: { value: "name", description: "Same country and the same name, case, punctuation and legal form aside." },
    ADDRESS: { value: "address", description: "Same country and the same (specific) address." },
    LOCATION: { value: "location", description: "Within 50 m." },
    SIMILAR_NAME: {
      value: "similarName",
      description:
        "Same country, a name spelt alike (pg_trgm similarity of the name keys, spaces aside, at least 0.7, and the same numbers), and within 500 m; without such a pin, a possible duplicate only.",
    },
  } as const,
});

const Candidate = builder.objectRef<{ slug: string; matchedBy: readonly string[] }>("FacilityCandidate").implement({
  description: "A factory an ambiguous row could be, or a created row's possible duplicate.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The factory's slug, or \"(line n of this list)\" for a factory the list itself creates." }),
    matchedBy: t.field({ type: [MatchReasonEnum], resolve: (c) => c.matchedBy as MatchReason[] }),
  }),
});

const Row = builder.objectRef<RowOutcome>("FacilityListRow").implement({
  description: "One row of an imported facility list and what became of it.",
  fields: (t) => ({
    line: t.exposeInt("line", { description: "Line of the file where the row starts (the header is line 1)." }),
    outcome: t.field({ type: RowOutcomeEnum, resolve: (row) => row.outcome }),
    factory: t.field({
      type: "ID",
      nullable: true,
      description: "Global ID of the factory created or matched (query it with `node(id:)`).",
      resolve: (row) => (row.factory ? encodeGlobalID("Factory", row.factory.id) : null),
    }),
    factorySlug: t.string({ nullable: true, resolve: (row) => row.factory?.slug ?? null }),
    matchedBy: t.field({ type: [MatchReasonEnum], resolve: (row) => [...(row.matchedBy ?? [])] }),
    updated: t.stringList({ description: "Fields of the matched factory this row filled in.", resolve: (row) => [...(row.updated ?? [])] }),
    candidates: t.field({ type: [Candidate], resolve: (row) => [...(row.candidates ?? [])] }),
    possibleDuplicates: t.field({
      type: [Candidate],
      description:
        "Created rows: factories of the same country whose name is spelt alike, which no pin within 500 m ties to this row. Possibly the same site, for a curator to check: not merged.",
      resolve: (row) => [...(row.possibleDuplicates ?? [])],
    }),
    reason: t.string({ nullable: true, resolve: (row) => row.reason ?? null }),
    notes: t.stringList({ resolve: (row) => [...(row.notes ?? [])] }),
  }),
});

const ImportedDisclosure = builder.objectRef<NonNullable<FacilityListReport["disclosure"]>>("ImportedDisclosure").implement({
  fields: (t) => ({
    asOf: t.field({ type: "Date", resolve: (d) => new Date(`${d.asOf}T00:00:00Z`) }),
    factoryCount: t.exposeInt("factoryCount"),
    added: t.exposeInt("added"),
    dropped: t.exposeInt("dropped"),
  }),
});

const Summary = builder.objectRef<FacilityListReport["summary"]>("FacilityListSummary").implement({
  fields: (t) => ({
    rows: t.exposeInt("rows"),
    created: t.exposeInt("created"),
    matched: t.exposeInt("matched"),
    updated: t.exposeInt("updated", { description: "Matched factories whose missing fields the list filled in." }),
    ambiguous: t.exposeInt("ambiguous"),
    possibleDuplicates: t.exposeInt("possibleDuplicates", { description: "Created rows with possible duplicates (see `FacilityListRow.possibleDuplicates`)." }),
    rejected: t.exposeInt("rejected"),
    skipped: t.exposeInt("skipped", { description: "Rows of other sectors than `sector` (not imported)." }),
    citationsAdded: t.exposeInt("citationsAdded"),
    brandRelationsAdded: t.exposeInt("brandRelationsAdded"),
    changes: t.exposeInt("changes", { description: "Audit records written (see `changes`)." }),
  }),
});

export const ImportFacilityListPayload = builder.objectRef<ImportedList>("ImportFacilityListPayload").implement({
  description: "What `importFacilityList` did: everything it reports is committed, unless `dryRun`.",
  fields: (t) => ({
    committed: t.boolean({ resolve: ({ report }) => report.committed }),
    dryRun: t.boolean({ resolve: ({ report }) => report.dryRun }),
    batches: t.int({ description: "Batches of up to 2,000 rows committed by this import's run (each its own transaction); for a dry run, decided.", resolve: ({ report }) => report.run.batches }),
    resumedAfterLine: t.int({
      nullable: true,
      description: "Set when this upload continued an import of the same file that had stopped: the line its committed batches had reached. `summary` then counts the whole file; `rows` only the lines after it.",
      resolve: ({ report }) => report.run.resumedAfterLine,
    }),
    relation: t.field({ type: OwnershipEnum, nullable: true, resolve: ({ report }) => report.relation }),
    format: t.string({ description: "What the file was read as: csv, xlsx or xls.", resolve: ({ report }) => report.format }),
    layout: t.string({ description: "The layout of its columns: manufacturing-map, open-supply-hub, contributor-csv or columns-file.", resolve: ({ report }) => report.layout }),
    asOf: t.field({ type: "Date", description: "The date the list holds as of.", resolve: ({ report }) => new Date(`${report.asOf}T00:00:00Z`) }),
    disclosure: t.field({
      type: ImportedDisclosure,
      nullable: true,
      description: "With a brand: the disclosure this list is, and what it changed against the brand's previous list.",
      resolve: ({ report }) => report.disclosure,
    }),
    columnsRead: t.stringList({ description: "The fields read from the header's columns.", resolve: ({ report }) => [...report.columns.read] }),
    columnsIgnored: t.stringList({ description: "Header columns solegraph does not read.", resolve: ({ report }) => [...report.columns.ignored] }),
    summary: t.field({ type: Summary, resolve: ({ report }) => report.summary }),
    rows: t.field({
      type: [Row],
      description: `Rows' outcomes in line order: those after line \`after\`, at most \`first\` (up to ${MAX_ROWS_PAGE}), only the given outcomes when \`outcomes\` is set.`,
      args: {
        outcomes: t.arg({ type: [RowOutcomeEnum], required: false }),
        first: t.arg.int({ defaultValue: 1000 }),
        after: t.arg.int({ required: false, description: "A line number: rows starting after it." }),
      },
      resolve: ({ rows }, { outcomes, first: given, after }) => {
        const first = given ?? 1000;
        if (first < 0 || first > MAX_ROWS_PAGE) {
          throw new GraphQLError(`\`first\` must be between 0 and ${MAX_ROWS_PAGE}.`, { extensions: { code: "BAD_USER_INPUT", argument: "first" } });
        }
        const wanted = outcomes ? new Set<string>(outcomes) : undefined;
        return rows.filter((row) => (after == null || row.line > after) && (!wanted || wanted.has(row.outcome))).slice(0, first);
      },
    }),
  }),
});
