import { ClaimTopic, rules, type Prisma } from "@solegraph/db";
import { z } from "zod";
import { checkedPassage, LOCATOR_DESCRIPTION, QUOTE_DESCRIPTION, RETRIEVED_ON_DESCRIPTION } from "../../curation/citation-input.ts";
import { defineEntity, entityNamed } from "../../curation/entity.ts";
import { ValidationError } from "../../curation/errors.ts";
import { referenceRule } from "../../curation/input-fields.ts";
import { curatedMutations } from "../../curation/mutations.ts";
import { resolveReference } from "../../curation/references.ts";
import { decodeGlobalID } from "../../global-id.ts";
import { ClaimStanceEnum, ClaimTopicEnum } from "../../schema/enums.ts";
import { CLAIM_SUBJECTS, ClaimNode } from "./type.ts";

const { Claim } = rules.COLUMNS;

export const claim = defineEntity({
  typename: "Claim",
  model: "Claim",
  label: "claim",
  changeType: "CLAIM",
  hasSlug: false,
  node: () => ClaimNode,
  snapshot: { source: { select: { slug: true } } },
});

const SUBJECT_TYPES = Object.keys(CLAIM_SUBJECTS).join(", ");

// Claims are kept as the source said them: a wrong one is retracted and recorded again,
// never edited into something the source did not say.
curatedMutations({
  entity: claim,
  node: ClaimNode,
  payloadField: "claim",
  fields: {
    source: { type: "ID", rule: referenceRule, required: true, references: "Source", column: "sourceId", description: "The slug or global ID of the source that makes the claim." },
    subject: { type: "ID", rule: referenceRule, required: true, virtual: true, description: `Global ID of what the claim is about: a ${SUBJECT_TYPES}.` },
    topic: { type: ClaimTopicEnum, rule: Claim.topic, required: true },
    stance: { type: ClaimStanceEnum, rule: Claim.stance, description: "ASSERTS (the default) or DENIES." },
    country: { type: "CountryCode", rule: Claim.countryCode, column: "countryCode", description: "ISO 3166-1 alpha-2 code of the country it is about; required for MADE_IN." },
    sharePercent: { type: "Float", rule: Claim.sharePercent, description: "The share the source gives, in percent." },
    statement: { type: "String", rule: Claim.statement, required: true, description: "What the source says, in our own words: the names, figures and dates as it gives them." },
    locator: { type: "String", rule: Claim.locator, required: true, description: LOCATOR_DESCRIPTION },
    retrievedOn: { type: "Date", description: RETRIEVED_ON_DESCRIPTION },
    quote: { type: "String", rule: Claim.quote, description: QUOTE_DESCRIPTION },
  },
  create: {
    name: "recordClaim",
    description: "Records what a source claims about a brand, a model, a factory or a production. A claim never becomes a fact.",
    validate: z.looseObject({}).superRefine((input, ctx) => {
      if (input["topic"] === ClaimTopic.MADE_IN && input["country"] == null) {
        ctx.addIssue({ code: "custom", path: ["country"], message: "is required for a MADE_IN claim" });
      }
    }),
    write: async (write, input, columns) => {
      const { tx } = write;
      const sourceId = columns["sourceId"] as number;
      // The passage is checked here, not by a rule: it needs the source (its URL, its kept text).
      const { locator, statement, retrievedOn, quote } = await checkedPassage(
        write,
        sourceId,
        { locator: columns["locator"] as string, statement: columns["statement"] as string, retrievedOn: columns["retrievedOn"] as Date | null | undefined, quote: columns["quote"] as string | null | undefined },
        ["input"],
      );
      const subject = await subjectColumn(tx, String(input["subject"]));
      const data = { ...columns, locator, statement, retrievedOn, quote, ...subject } as Prisma.ClaimUncheckedCreateInput;
      const created = await tx.claim.create({ data, select: { id: true } });
      return created.id;
    },
  },
  delete: { name: "retractClaim", description: "Retracts a claim recorded by mistake (the audit trail keeps what it said)." },
});

/** The Claim column and id of the subject a global ID names. */
async function subjectColumn(tx: Prisma.TransactionClient, globalId: string): Promise<Record<string, number>> {
  const { typename } = decodeGlobalID(globalId);
  const key = (CLAIM_SUBJECTS as Record<string, string>)[typename];
  const entity = entityNamed(typename);
  if (!key || !entity) throw ValidationError.at(["input", "subject"], `must be the global ID of a ${SUBJECT_TYPES}`);
  return { [key]: await resolveReference(tx, entity, globalId, ["input", "subject"]) };
}
