import { ChangeAction, ChangeEntityType, type ChangeModel as Change } from "@solegraph/db";
import { entityNamed, entityOfChange } from "../../curation/entity.ts";
import { builder } from "../../builder.ts";
import { by, computed, globalIdOf } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { join, key, raw, sql, type Sql } from "../../read/sql.ts";
import { GraphQLError } from "graphql";
import { decodeGlobalID } from "../../global-id.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { intValue, textValue } from "../../read/values.ts";
export const ChangeActionEnum = builder.enumType(ChangeAction, { name: "ChangeAction" });
export const ChangeEntityTypeEnum = builder.enumType(ChangeEntityType, { name: "ChangeEntityType" });


// Not a Node: `node(id:)` is public, the audit trail is for the `admin` scope only.
export const ChangeRef: PlannedRef = plannedObject<Change>("Change", {
  description: "One entry of the audit trail: a successful write to one entity.",
  table: "Change",
  fields: (t) => ({
    id: t.field("ID", computed(({ row }) => sql`${row}.id::text`), { description: "Increases with every change." }),
    action: t.enum(ChangeActionEnum, "action"),
    entityType: t.enum(ChangeEntityTypeEnum, "entityType"),
    entityId: t.field(
      "ID",
      computed(({ row }) => {
        const cases = Object.values(ChangeEntityType).map(
          (type) => sql` WHEN ${key(type)} THEN ${globalIdOf(entityOfChange(type).typename, sql`${row}."entityId"`)}`,
        );
        return sql`CASE ${row}."entityType"::text${join(cases, "")} END`;
      }),
      { description: "Global ID of the entity (it may since have been deleted)." },
    ),
    actor: t.field("String", computed(({ row }) => sql`(SELECT k.name FROM "ApiToken" k WHERE k.id = ${row}."tokenId")`), {
      description: "Name of the API token that made the write.",
    }),
    createdAt: t.dateTime("createdAt"),
    before: t.field("String", computed(({ row }) => sql`${row}.before::text`), {
      nullable: true,
      description: "The entity before the write, as JSON text (null for CREATE); a citation for UNCITE.",
    }),
    after: t.field("String", computed(({ row }) => sql`${row}.after::text`), {
      nullable: true,
      description: "The entity after the write, as JSON text (null for DELETE); a citation for CITE.",
    }),
  }),
});

// Root fields.
plannedQueryFields((t) => ({
  changes: t.connection(
    connectionOf(ChangeRef, "Change"),
    {
      kind: "connection",
      table: "Change",
      rows: ({ args }, alias) => ({
        from: sql`"Change"`,
        where: changesWhere(args["entity"] as string | null | undefined, args["entityType"] as ChangeEntityType | null | undefined, alias),
        orderBy: [by("id", "desc")],
      }),
    },
    {
      description:
        "The audit trail, newest first. Needs a token with the `admin` scope: without a token the request fails with " +
        "UNAUTHENTICATED (HTTP 401), with a token lacking the scope with FORBIDDEN (HTTP 403).",
      requiresScope: "admin",
      args: {
        entity: t.t.arg.id({ required: false, description: "Only changes to this entity (global ID, also of a deleted one)." }),
        entityType: t.t.arg({ type: ChangeEntityTypeEnum, required: false, description: "Only changes to entities of this type." }),
      },
    },
  ),
}));

function changesWhere(entity: string | null | undefined, entityType: ChangeEntityType | null | undefined, c: Sql): Sql | undefined {
  const byType = entityType ? sql`${c}."entityType" = ${textValue(entityType)}::"ChangeEntityType"` : undefined;
  if (entity == null) return byType;
  const { typename, id } = decodeGlobalID(String(entity));
  const type = entityNamed(typename)?.changeType;
  if (!type) {
    throw new GraphQLError("`entity` must be the global ID of a Brand, SneakerModel, Factory, ProcessStep, Production or Source.", {
      extensions: { code: "BAD_USER_INPUT", argument: "entity" },
    });
  }
  if (entityType && entityType !== type) return raw("false");
  return sql`${c}."entityType" = ${textValue(type)}::"ChangeEntityType" AND ${c}."entityId" = ${intValue(Number(id))}`;
}
