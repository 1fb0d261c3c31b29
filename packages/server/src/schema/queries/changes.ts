import type { ChangeEntityType, Prisma } from "@solegraph/db";
import { builder } from "../../builder.ts";
import { badUserInput } from "../../errors.ts";
import { decodeGlobalID } from "../../global-id.ts";
import { ChangeEntityTypeEnum, ENTITY_TYPENAMES } from "../change.ts";

const ENTITY_TYPES = new Map(Object.entries(ENTITY_TYPENAMES).map(([type, typename]) => [typename, type as ChangeEntityType]));

builder.queryFields((t) => ({
  changes: t.withAuth({ admin: true }).prismaConnection({
    type: "Change",
    cursor: "id",
    description:
      "The audit trail, newest first. Needs a token with the `admin` scope: without a token the request fails with " +
      "UNAUTHENTICATED (HTTP 401), with a token lacking the scope with FORBIDDEN (HTTP 403).",
    args: {
      entity: t.arg.id({ required: false, description: "Only changes to this entity (global ID, also of a deleted one)." }),
      entityType: t.arg({ type: ChangeEntityTypeEnum, required: false, description: "Only changes to entities of this type." }),
    },
    totalCount: (_connection, { entity, entityType }, { prisma }) => prisma.change.count({ where: changesWhere(entity, entityType) }),
    resolve: (query, _root, { entity, entityType }, { prisma }) =>
      prisma.change.findMany({ ...query, where: changesWhere(entity, entityType), orderBy: { id: "desc" } }),
  }),
}));

function changesWhere(entity: string | number | null | undefined, entityType: ChangeEntityType | null | undefined): Prisma.ChangeWhereInput {
  const where: Prisma.ChangeWhereInput = entityType ? { entityType } : {};
  if (entity == null) return where;
  const { typename, id } = decodeGlobalID(String(entity));
  const type = ENTITY_TYPES.get(typename);
  if (!type) throw badUserInput("`entity` must be the global ID of a Brand, SneakerModel, Factory, ProcessStep, Production or Source.", { argument: "entity" });
  if (entityType && entityType !== type) return { id: { in: [] } };
  return { entityType: type, entityId: Number(id) };
}
