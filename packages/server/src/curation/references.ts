import type { Prisma } from "@solegraph/db";
import { decodeGlobalID, INVALID_TYPENAME } from "../global-id.ts";
import { NotFoundError, ValidationError, type FieldPath } from "./errors.ts";

/** The entities a mutation can name by slug or global ID. */
export type ReferenceType = "Brand" | "SneakerModel" | "Factory" | "ProcessStep" | "Production" | "Source";

type Where = { id: number } | { slug: string };
type Finder = (tx: Prisma.TransactionClient, where: Where) => Promise<{ id: number } | null>;

const finders: Record<ReferenceType, Finder> = {
  Brand: (tx, where) => tx.brand.findUnique({ where, select: { id: true } }),
  SneakerModel: (tx, where) => tx.sneakerModel.findUnique({ where, select: { id: true } }),
  Factory: (tx, where) => tx.factory.findUnique({ where, select: { id: true } }),
  ProcessStep: (tx, where) => tx.processStep.findUnique({ where, select: { id: true } }),
  Production: (tx, where) => tx.production.findUnique({ where, select: { id: true } }),
  Source: (tx, where) => tx.source.findUnique({ where, select: { id: true } }),
};

const LABELS: Record<ReferenceType, string> = {
  Brand: "brand",
  SneakerModel: "model",
  Factory: "factory",
  ProcessStep: "process step",
  Production: "production",
  Source: "source",
};

/**
 * The database id of the entity a reference names: a global ID of `type`, or a slug.
 * The two cannot be confused: global IDs are base64url of "Typename:id" and start with
 * an upper-case letter, slugs are lower-case.
 */
export async function resolveReference(
  tx: Prisma.TransactionClient,
  type: ReferenceType,
  reference: string,
  path: FieldPath,
): Promise<number> {
  const where = referenceWhere(type, reference, path);
  const row = await finders[type](tx, where);
  if (!row) throw new NotFoundError(`No ${LABELS[type]} "${reference}" exists.`, path, reference);
  return row.id;
}

function referenceWhere(type: ReferenceType, reference: string, path: FieldPath): Where {
  const decoded = decodeGlobalID(reference);
  if (decoded.typename === type) return { id: Number(decoded.id) };
  if (decoded.typename !== INVALID_TYPENAME) {
    throw ValidationError.at(path, `expected a ${LABELS[type]}'s slug or ID, got the ID of a ${decoded.typename}`);
  }
  return { slug: reference };
}
