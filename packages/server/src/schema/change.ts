import { ChangeAction, ChangeEntityType } from "@solegraph/db";
import { builder } from "../builder.ts";
import { encodeGlobalID } from "../global-id.ts";

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
builder.prismaObject("Change", {
  description: "One entry of the audit trail: a successful write to one entity.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Increases with every change." }),
    action: t.expose("action", { type: ChangeActionEnum }),
    entityType: t.expose("entityType", { type: ChangeEntityTypeEnum }),
    entityId: t.id({
      description: "Global ID of the entity (it may since have been deleted).",
      resolve: (change) => encodeGlobalID(ENTITY_TYPENAMES[change.entityType], change.entityId),
    }),
    actor: t.string({
      description: "Name of the API token that made the write.",
      select: { token: { select: { name: true } } },
      resolve: (change) => change.token.name,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    before: t.string({
      nullable: true,
      description: "The entity before the write, as JSON text (null for CREATE); a citation for UNCITE.",
      resolve: (change) => (change.before === null ? null : JSON.stringify(change.before)),
    }),
    after: t.string({
      nullable: true,
      description: "The entity after the write, as JSON text (null for DELETE); a citation for CITE.",
      resolve: (change) => (change.after === null ? null : JSON.stringify(change.after)),
    }),
  }),
});
