import { Readable } from "node:stream";
import { FacilityListError, fingerprintOf, importFacilityList, LAYOUT_NAMES, LIST_FIELDS, type PrismaClient, type RowOutcome } from "@solegraph/db";
import { builder } from "../../builder.ts";
import type { AuthenticatedContext } from "../../context.ts";
import { NotFoundError, ValidationError, type FieldPath } from "../../curation/errors.ts";
import { payloadResult } from "../../curation/payloads.ts";
import { resolveReference } from "../../curation/references.ts";
import { OwnershipEnum } from "../../schema/enums.ts";
import { ImportFacilityListPayload, type ImportedList } from "./payload.ts";

const ColumnMapping = builder.inputType("FacilityListColumn", {
  description: "One of our fields and the list's column that holds it.",
  fields: (t) => ({
    field: t.string({ required: true, description: `One of: ${LIST_FIELDS.join(", ")}.` }),
    column: t.string({ required: true, description: "The column's header, as the list writes it." }),
  }),
});

const ImportFacilityListInput = builder.inputType("ImportFacilityListInput", {
  description: "A facility list (.csv, .xlsx or .xls in a layout solegraph detects, or any layout with `columns`; see the README) and what it is.",
  fields: (t) => ({
    file: t.field({ type: "File", required: true, description: "The list (.csv, .xlsx or .xls), sent as a multipart upload." }),
    source: t.id({ required: true, description: "Slug or global ID of the Source the list is (kind FACILITY_LIST): every factory it names cites it." }),
    brand: t.id({ description: "Slug or global ID of the brand whose list it is; give `relation` with it." }),
    relation: t.field({ type: OwnershipEnum, description: "The brand's relation to every facility listed: CONTRACT or OWNED." }),
    asOf: t.field({ type: "Date", description: "The date the list holds as of; else its title row's date, the source's, or today." }),
    layout: t.string({ description: `Force a layout instead of detecting it: ${LAYOUT_NAMES.join(", ")}.` }),
    columns: t.field({ type: [ColumnMapping], description: "Any other layout: which of their columns holds each of our fields." }),
    sector: t.string({ description: "Import only rows of this product type (e.g. \"footwear\"); the others are reported as SKIPPED." }),
    dryRun: t.boolean({ defaultValue: false, description: "Decide every row and write nothing." }),
  }),
});

builder.mutationField("importFacilityList", (t) =>
  t.field({
    requiresScope: "curate",
    type: ImportFacilityListPayload,
    description:
      "Imports a facility list: each row creates a factory or is matched to one already in the graph " +
      "(same country and normalised name, same address, or within 50 m); every factory it names cites the source, with " +
      "`brand` the brand relation is recorded; rows that cannot be imported or that match several factories are reported " +
      "with their line, and the rest is imported. Rows commit in batches of 2,000: an import stopped by an error keeps " +
      "its committed batches, and uploading the same file again continues after them. Needs a token with the `curate` scope.",
    errors: payloadResult("ImportFacilityList"),
    args: { input: t.arg({ type: ImportFacilityListInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<ImportedList> => {
      const curator = context as AuthenticatedContext; // requiresScope made sure
      const source = await slugOf(curator.prisma, "Source", String(input.source), ["input", "source"]);
      const brand = input.brand == null ? undefined : await slugOf(curator.prisma, "Brand", String(input.brand), ["input", "brand"]);
      const rows: RowOutcome[] = [];
      const dryRun = input.dryRun ?? false;
      // The importer records its changes in its own transactions (one per batch): where the
      // database does not announce them (embedded), they are announced from here.
      const lastChangeBefore = await lastChangeId(curator);
      try {
        // The upload is read twice (a Blob can be): a stopped run continues only with the same file.
        const fingerprint = await fingerprintOf(chunksOf(input.file));
        const report = await importFacilityList({
          pool: curator.pool,
          input: Readable.from(chunksOf(input.file)),
          source,
          brand,
          relation: input.relation ?? undefined,
          asOf: input.asOf == null ? undefined : input.asOf.toISOString().slice(0, 10),
          layout: input.layout ?? undefined,
          columns: input.columns == null ? undefined : Object.fromEntries(input.columns.map((c) => [c.field, c.column])),
          sector: input.sector ?? undefined,
          tokenId: curator.authentication.tokenId,
          dryRun,
          fingerprint,
          onOutcome: (outcome) => rows.push(outcome),
        });
        return { report, rows };
      } catch (error) {
        throw curationErrorOf(error);
      } finally {
        // Batches commit as they go and an error keeps them: whatever committed is announced
        // (one IMPORT record per batch), so no cached answer outlives it.
        if (!dryRun) curator.changes.committed(await changesSince(curator, lastChangeBefore));
      }
    },
  }),
);

/**
 * The file's bytes as they come. Read through its stream's reader, not Readable.fromWeb:
 * graphql-yoga's File may be a ponyfill whose stream Node does not recognise.
 */
async function* chunksOf(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value;
  } finally {
    reader.releaseLock();
  }
}

/** The slug of the row a reference (slug or global ID) names: the importer takes slugs. */
async function slugOf(prisma: PrismaClient, typename: "Source" | "Brand", reference: string, path: FieldPath): Promise<string> {
  const id = await resolveReference(prisma, typename, reference, path);
  const row = typename === "Source" ? await prisma.source.findUnique({ where: { id }, select: { slug: true } }) : await prisma.brand.findUnique({ where: { id }, select: { slug: true } });
  return row!.slug;
}

/** A refusal of the whole list, in the mutation's result union: nothing was written. */
function curationErrorOf(error: unknown): unknown {
  if (!(error instanceof FacilityListError)) return error;
  const path = ["input", error.option];
  return error.code === "NOT_FOUND" ? new NotFoundError(error.message, path, "") : ValidationError.at(path, error.message);
}

async function lastChangeId(context: AuthenticatedContext): Promise<number> {
  const { rows } = await context.pool.query<{ id: number | null }>(`SELECT max("id") AS id FROM "Change"`);
  return rows[0]?.id ?? 0;
}

async function changesSince(context: AuthenticatedContext, after: number): Promise<number[]> {
  const { rows } = await context.pool.query<{ id: number }>(`SELECT "id" FROM "Change" WHERE "id" > $1 AND "tokenId" = $2 ORDER BY "id"`, [after, context.authentication.tokenId]);
  return rows.map((row) => row.id);
}
