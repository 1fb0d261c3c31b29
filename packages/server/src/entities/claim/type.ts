import type { ClaimModel as Claim } from "@solegraph/db";
import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import { decodeGlobalID } from "../../global-id.ts";
import { allOf } from "../../read/filters.ts";
import type { FieldPlan } from "../../read/plan.ts";
import { connectionOf, plannedObject, type PlannedRef, type PlannedRow } from "../../read/planned-types.ts";
import { belongsTo, by, hasMany } from "../../read/plans.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { column, sql, type Sql } from "../../read/sql.ts";
import { intValue, textValue } from "../../read/values.ts";
import { ClaimStanceEnum, ClaimTopicEnum } from "../../schema/enums.ts";
import { BrandNode } from "../brand/type.ts";
import { CountryRef } from "../country/type.ts";
import { FactoryNode } from "../factory/type.ts";
import { ProductionNode } from "../production/type.ts";
import { SneakerModelNode } from "../sneaker-model/type.ts";
import { LOCATOR_FIELD_DESCRIPTION, RETRIEVED_ON_FIELD_DESCRIPTION, SourceNode } from "../source/type.ts";

/** A claim's subject: the GraphQL type and the Claim column that points at it. */
export const CLAIM_SUBJECTS = {
  Brand: "brandId",
  SneakerModel: "modelId",
  Factory: "factoryId",
  Production: "productionId",
} as const;

export type ClaimSubjectType = keyof typeof CLAIM_SUBJECTS;

export const ClaimSubject = builder.unionType("ClaimSubject", {
  description: "What a claim is about.",
  types: () => [BrandNode, SneakerModelNode, FactoryNode, ProductionNode],
  resolveType: (row) => (row as PlannedRow)["__typename"] as string,
});

export const ClaimNode: PlannedRef = plannedObject<Claim>("Claim", {
  description:
    "A statement a source makes about a brand, a model, a factory or a production, kept as said: never promoted to a fact. " +
    "Sources may disagree; each claim keeps its own source.",
  table: "Claim",
  node: true,
  fields: (t) => ({
    subject: t.field(ClaimSubject, {
      kind: "one-of",
      ids: ({ row }) => Object.fromEntries(Object.entries(CLAIM_SUBJECTS).map(([type, key]) => [type, column(row, key)])),
    }),
    topic: t.enum(ClaimTopicEnum, "topic"),
    stance: t.enum(ClaimStanceEnum, "stance", { description: "ASSERTS: the statement is so; DENIES: it is not." }),
    country: t.field(CountryRef, belongsTo("Country", "countryCode", "code"), { nullable: true, description: "The country the statement is about." }),
    sharePercent: t.float("sharePercent", { nullable: true, description: "The share the statement gives, in percent, when it gives one." }),
    statement: t.string("statement", { description: "What the source says, in our own words: the names, figures and dates as it gives them." }),
    locator: t.string("locator", { nullable: true, description: LOCATOR_FIELD_DESCRIPTION }),
    retrievedOn: t.date("retrievedOn", { nullable: true, description: RETRIEVED_ON_FIELD_DESCRIPTION }),
    quote: t.string("quote", {
      nullable: true,
      description: "The passage verbatim, only for a source whose text the graph keeps (`Source.text`); other sources' sentences are never copied in.",
    }),
    source: t.field(SourceNode, belongsTo("Source", "sourceId")),
    version: t.int("version"),
    createdAt: t.dateTime("createdAt"),
    updatedAt: t.dateTime("updatedAt"),
  }),
});

/** A subject's `claims`: those whose `foreignKey` points at it, oldest first, of one `topic` when given. */
export function claimsOf(foreignKey: (typeof CLAIM_SUBJECTS)[ClaimSubjectType]): FieldPlan {
  return hasMany("Claim", foreignKey, [by("id")], ({ args }, alias) =>
    typeof args["topic"] === "string" ? sql`${alias}.topic = ${textValue(args["topic"])}::"ClaimTopic"` : undefined,
  );
}

export const CLAIMS_DESCRIPTION = "What sources claim about it, oldest first (of one topic when `topic` is given): claims, not facts.";

// Root fields.
const ClaimFilter = builder.inputType("ClaimFilter", {
  description: "Every field given must match.",
  fields: (t) => ({
    source: t.string({ description: "The source's slug." }),
    subject: t.id({ description: "Global ID of the subject: a Brand, SneakerModel, Factory or Production." }),
    topic: t.field({ type: ClaimTopicEnum }),
    stance: t.field({ type: ClaimStanceEnum }),
    country: t.field({ type: "CountryCode", description: "ISO 3166-1 alpha-2 code of the country the claim is about." }),
  }),
});

type ClaimFilterInput = (typeof ClaimFilter)["$inferInput"];

plannedQueryFields((t) => ({
  claims: t.connection(
    connectionOf(ClaimNode, "Claim"),
    {
      kind: "connection",
      table: "Claim",
      rows: ({ args }, alias) => ({ from: sql`"Claim"`, where: claimWhere(args["filter"] as ClaimFilterInput | null | undefined, alias), orderBy: [] }),
    },
    {
      description: "Claims sources make, oldest first: by source, subject, topic, stance or country.",
      args: { filter: t.t.arg({ type: ClaimFilter, required: false }) },
    },
  ),
}));

function claimWhere(filter: ClaimFilterInput | null | undefined, c: Sql): Sql | undefined {
  if (!filter) return undefined;
  return allOf([
    filter.source != null ? sql`${c}."sourceId" = (SELECT s.id FROM "Source" s WHERE s.slug = ${textValue(filter.source)})` : undefined,
    filter.subject != null ? subjectWhere(String(filter.subject), c) : undefined,
    filter.topic != null ? sql`${c}.topic = ${textValue(filter.topic)}::"ClaimTopic"` : undefined,
    filter.stance != null ? sql`${c}.stance = ${textValue(filter.stance)}::"ClaimStance"` : undefined,
    filter.country != null ? sql`${c}."countryCode" = upper(${textValue(filter.country)})` : undefined,
  ]);
}

function subjectWhere(globalId: string, c: Sql): Sql {
  const { typename, id } = decodeGlobalID(globalId);
  const key = (CLAIM_SUBJECTS as Record<string, string>)[typename];
  if (!key) {
    throw new GraphQLError("`filter.subject` must be the global ID of a Brand, SneakerModel, Factory or Production.", {
      extensions: { code: "BAD_USER_INPUT", argument: "filter.subject" },
    });
  }
  return sql`${column(c, key)} = ${intValue(Number(id))}`;
}
