import type { ChangeEntityType, Prisma } from "@solegraph/db";
import type { PlannedRef } from "../read/planned-types.ts";

/**
 * What the curation machinery knows of an entity, declared once in its module
 * (src/entities/<entity>/): how to name it, where it lives, how the audit trail
 * records it, where its citations go. References, versioned writes, snapshots,
 * citations and the audit trail's IDs all work from these.
 */
export interface Entity {
  /** The GraphQL type: global IDs and references name it. */
  readonly typename: string;
  /** The Prisma model, which is also the table. */
  readonly model: Prisma.ModelName;
  /** How messages name one, e.g. "model". */
  readonly label: string;
  /** The audit trail's name for it. */
  readonly changeType: ChangeEntityType;
  /** What the audit trail records beside the row (Prisma `include`), e.g. its citations. */
  readonly snapshot?: Record<string, unknown>;
  /**
   * The table of its citations and the column there that points at it, when sources can
   * back it; `required`: it must cite at least one source at all times (created with
   * its first citations, never losing its last; the database checks it too).
   */
  readonly citations?: { readonly model: Prisma.ModelName; readonly key: string; readonly required?: boolean };
  /** False for entities without a slug (claims): references to them are global IDs only. */
  readonly hasSlug?: boolean;
  /** Its GraphQL type (a thunk: types refer to each other), for unions of entities. */
  readonly node: () => PlannedRef;
}

/**
 * The slice of a Prisma model delegate the generic writes use. Prisma's per-model
 * types meet here; the data passed were checked against the column rules first.
 */
export interface Delegate {
  findUnique(args: { where: Record<string, unknown>; select?: Record<string, unknown>; include?: Record<string, unknown> }): Promise<Record<string, unknown> | null>;
  findMany(args: { where: Record<string, unknown>; select?: Record<string, unknown>; orderBy?: Record<string, unknown> }): Promise<Record<string, unknown>[]>;
  create(args: { data: Record<string, unknown>; select?: Record<string, unknown> }): Promise<Record<string, unknown>>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  deleteMany(args: { where: Record<string, unknown> }): Promise<{ count: number }>;
  count(args: { where: Record<string, unknown> }): Promise<number>;
}

export function delegateOf(tx: Prisma.TransactionClient, model: Prisma.ModelName): Delegate {
  const property = model.charAt(0).toLowerCase() + model.slice(1);
  return (tx as unknown as Record<string, Delegate>)[property]!;
}

const byTypename = new Map<string, Entity>();
const byChangeType = new Map<ChangeEntityType, Entity>();

/** Declares an entity; its module does this when the schema is built. */
export function defineEntity<const E extends Entity>(entity: E): E {
  byTypename.set(entity.typename, entity);
  byChangeType.set(entity.changeType, entity);
  return entity;
}

export function entityNamed(typename: string): Entity | undefined {
  return byTypename.get(typename);
}

export function entityOfChange(changeType: ChangeEntityType): Entity {
  const entity = byChangeType.get(changeType);
  if (!entity) throw new Error(`No entity is audited as ${changeType}.`);
  return entity;
}

/** The entities sources can back. */
export function citableEntities(): Entity[] {
  return [...byTypename.values()].filter((entity) => entity.citations);
}

/** The entity as the audit trail records it: its row and what `snapshot` includes. */
export function snapshotOf(tx: Prisma.TransactionClient, entity: Entity, id: number): Promise<Record<string, unknown> | null> {
  return delegateOf(tx, entity.model).findUnique({ where: { id }, ...(entity.snapshot && { include: entity.snapshot }) });
}
