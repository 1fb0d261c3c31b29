import { ChangeAction, ChangeEntityType, type ChangeModel as Change } from "@solegraph/db";
import { builder } from "../builder.ts";
import { computed, globalIdOf } from "../read/plans.ts";
import { plannedObject, type PlannedRef } from "../read/planned-types.ts";
import { join, key, sql } from "../read/sql.ts";

export const ChangeActionEnum = builder.enumType(ChangeAction, { name: "ChangeAction" });
export const ChangeEntityTypeEnum = builder.enumType(ChangeEntityType, { name: "ChangeEntityType" });

/** The GraphQL type of each audited entity type, for global IDs. */
export const ENTITY_TYPENAMES: Record<ChangeEntityType, string> = {
  BRAND: "Brand",
  SNEAKER_MODEL: "SneakerModel",
  FACTORY: "Factory",
  PROCESS_STEP: "ProcessStep",
  PRODUCTION: "Production",
  SOURCE: "Source",
};

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
        const cases = Object.entries(ENTITY_TYPENAMES).map(
          ([type, typename]) => sql` WHEN ${key(type)} THEN ${globalIdOf(typename, sql`${row}."entityId"`)}`,
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
