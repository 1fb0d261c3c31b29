import { Readable } from "node:stream";
import { FacilityListError, importFacilityList, type PrismaClient, type RowOutcome } from "@solegraph/db";
import { builder } from "../../builder.ts";
import type { AuthenticatedContext } from "../../context.ts";
import { NotFoundError, ValidationError, type FieldPath } from "../../curation/errors.ts";
import { payloadResult } from "../../curation/payloads.ts";
import { resolveReference } from "../../curation/references.ts";
import { OwnershipEnum } from "../../schema/enums.ts";
import { ImportFacilityListPayload, type ImportedList } from "./payload.ts";

const ImportFacilityListInput = builder.inputType("ImportFacilityListInput", {
  description: "A facility list (CSV: country,name,address,sector,lat,lng; see the README) and what it is.",
  fields: (t) => ({
    file: t.field({ type: "File", required: true, description: "The CSV file, sent as a multipart upload." }),
    source: t.id({ required: true, description: "Slug or global ID of the Source the list is (kind FACILITY_LIST): every factory it names cites it." }),
    brand: t.id({ description: "Slug or global ID of the brand whose list it is; give `relation` with it." }),
    relation: t.field({ type: OwnershipEnum, description: "The brand's relation to every facility listed: CONTRACT or OWNED." }),
    dryRun: t.boolean({ defaultValue: false, description: "Decide every row and write nothing." }),
  }),
});

builder.mutationField("importFacilityList", (t) =>
  t.field({
    requiresScope: "curate",
    type: ImportFacilityListPayload,
    description:
      "Imports a facility list in one transaction: each row creates a factory or is matched to one already in the graph " +
      "(same country and normalised name, same address, or within 50 m); every factory it names cites the source, with " +
      "`brand` the brand relation is recorded; rows that cannot be imported or that match several factories are reported " +
      "with their line, and the rest is imported. Needs a token with the `curate` scope.",
    errors: payloadResult("ImportFacilityList"),
    args: { input: t.arg({ type: ImportFacilityListInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<ImportedList> => {
      const curator = context as AuthenticatedContext; // requiresScope made sure
      const source = await slugOf(curator.prisma, "Source", String(input.source), ["input", "source"]);
      const brand = input.brand == null ? undefined : await slugOf(curator.prisma, "Brand", String(input.brand), ["input", "brand"]);
      const rows: RowOutcome[] = [];
      // The importer records its changes in its own transaction: where the database does not
      // announce them (embedded), they are announced from here once it commits.
      const lastChangeBefore = await lastChangeId(curator);
      try {
        const report = await importFacilityList({
          pool: curator.pool,
          input: Readable.from(chunksOf(input.file)),
          source,
          brand,
          relation: input.relation ?? undefined,
          tokenId: curator.authentication.tokenId,
          dryRun: input.dryRun ?? false,
          onOutcome: (outcome) => rows.push(outcome),
        });
        if (report.committed) curator.changes.committed(await changesSince(curator, lastChangeBefore));
        return { report, rows };
      } catch (error) {
        throw curationErrorOf(error);
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
