import { rules, type Prisma } from "@solegraph/db";
import { z } from "zod";
import { defineEntity } from "../../curation/entity.ts";
import { ValidationError } from "../../curation/errors.ts";
import { curatedMutations } from "../../curation/mutations.ts";
import { SourceKindEnum } from "../../schema/enums.ts";
import { SourceNode } from "./type.ts";

const { Source } = rules.COLUMNS;

export const source = defineEntity({
  typename: "Source",
  model: "Source",
  label: "source",
  changeType: "SOURCE",
  node: () => SourceNode,
});

curatedMutations({
  entity: source,
  node: SourceNode,
  payloadField: "source",
  fields: {
    slug: { type: "String", rule: Source.slug, required: true, description: "URL-safe identifier (unique)." },
    kind: {
      type: SourceKindEnum,
      rule: Source.kind,
      required: true,
      description: "What kind of publication it is: NEWS, EDITORIAL and COMMUNITY report independently; BRAND and MARKETING speak for the brand.",
    },
    title: { type: "String", rule: Source.title, description: "The title as published; leave it out when it is not known (never make one up)." },
    publisher: { type: "String", rule: Source.publisher },
    url: { type: "String", rule: Source.url, description: "An http(s) URL." },
    publishedOn: { type: "Date", rule: z.date() },
    asOf: { type: "Date", rule: z.date(), description: "For a dated list: the date it holds as of (an import of the list sets it when empty)." },
    licence: { type: "String", rule: Source.licence, description: "The licence its data is under, e.g. \"CC BY-SA 4.0\"." },
    text: {
      type: "String",
      rule: Source.text,
      description: "The source's text as archived: quotes citing it must then be verbatim passages of it.",
    },
  },
  create: { name: "createSource", description: "Adds a source that facts can cite (see `cite`) and claims can come from (see `recordClaim`)." },
  update: {
    name: "updateSource",
    description:
      "Changes a source. A new `text` must still contain every quote already taken from it; the text of a source that is quoted cannot be cleared " +
      "(quotes are only for kept texts).",
    before: async ({ tx }, { id, columns }) => {
      const text = columns["text"] as string | null | undefined;
      if (text !== undefined) await checkQuotesStillVerbatim(tx, id, text);
    },
  },
});

/** Refuses a source text (or no text) that no longer contains the quotes taken from the source. */
async function checkQuotesStillVerbatim(tx: Prisma.TransactionClient, sourceId: number, text: string | null): Promise<void> {
  const where = { sourceId, quote: { not: null } };
  const select = { quote: true } as const;
  const quoted = [
    ...(await tx.brandSource.findMany({ where, select })),
    ...(await tx.sneakerModelSource.findMany({ where, select })),
    ...(await tx.factorySource.findMany({ where, select })),
    ...(await tx.productionSource.findMany({ where, select })),
    ...(await tx.processStepSource.findMany({ where, select })),
    ...(await tx.claim.findMany({ where, select })),
  ];
  const missing = quoted.map((row) => row.quote!).filter((quote) => text === null || !rules.isVerbatim(quote, text));
  if (missing.length > 0) {
    throw ValidationError.at(["input", "text"], `must still contain the ${missing.length} quote(s) taken from it, e.g. "${missing[0]!.slice(0, 80)}"`);
  }
}
