import type { ChangeEntityType } from "@solegraph/db";
import { GraphQLError } from "graphql";
import { decodeGlobalID } from "../../global-id.ts";
import { by } from "../../read/plans.ts";
import { connectionOf } from "../../read/planned-types.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { raw, sql, type Sql } from "../../read/sql.ts";
import { intValue, textValue } from "../../read/values.ts";
import { ChangeEntityTypeEnum, ChangeRef, ENTITY_TYPENAMES } from "../change.ts";

const ENTITY_TYPES = new Map(Object.entries(ENTITY_TYPENAMES).map(([type, typename]) => [typename, type as ChangeEntityType]));

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
  const type = ENTITY_TYPES.get(typename);
  if (!type) {
    throw new GraphQLError("`entity` must be the global ID of a Brand, SneakerModel, Factory, ProcessStep, Production or Source.", {
      extensions: { code: "BAD_USER_INPUT", argument: "entity" },
    });
  }
  if (entityType && entityType !== type) return raw("false");
  return sql`${c}."entityType" = ${textValue(type)}::"ChangeEntityType" AND ${c}."entityId" = ${intValue(Number(id))}`;
}
