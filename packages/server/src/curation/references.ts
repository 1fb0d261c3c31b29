import type { Prisma } from "@solegraph/db";
import { decodeGlobalID, INVALID_TYPENAME } from "../global-id.ts";
import { delegateOf, entityNamed, type Entity } from "./entity.ts";
import { NotFoundError, ValidationError, type FieldPath } from "./errors.ts";

/**
 * The database id of the entity a reference names: a global ID of its type, or a slug.
 * The two cannot be confused: global IDs are base64url of "Typename:id" and start with
 * an upper-case letter, slugs are lower-case.
 */
export async function resolveReference(tx: Prisma.TransactionClient, entity: Entity | string, reference: string, path: FieldPath): Promise<number> {
  const target = typeof entity === "string" ? entityNamed(entity) : entity;
  if (!target) throw new Error(`No entity ${String(entity)}.`);
  const row = await delegateOf(tx, target.model).findUnique({ where: referenceWhere(target, reference, path), select: { id: true } });
  if (!row) throw new NotFoundError(`No ${target.label} "${reference}" exists.`, path, reference);
  return row["id"] as number;
}

function referenceWhere(entity: Entity, reference: string, path: FieldPath): { id: number } | { slug: string } {
  const decoded = decodeGlobalID(reference);
  if (decoded.typename === entity.typename) return { id: Number(decoded.id) };
  if (entity.hasSlug === false) {
    throw ValidationError.at(path, `expected a ${entity.label}'s global ID${decoded.typename === INVALID_TYPENAME ? "" : `, got the ID of a ${decoded.typename}`}`);
  }
  if (decoded.typename !== INVALID_TYPENAME) {
    throw ValidationError.at(path, `expected a ${entity.label}'s slug or ID, got the ID of a ${decoded.typename}`);
  }
  return { slug: reference };
}
