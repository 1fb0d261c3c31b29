import { encodeGlobalID } from "../global-id.ts";
import { delegateOf, snapshotOf, type Entity } from "./entity.ts";
import { ConflictError, NotFoundError } from "./errors.ts";
import { resolveReference } from "./references.ts";
import type { Write } from "./write.ts";

/**
 * Optimistic concurrency for updates and deletes, the one way every entity does them.
 * The client sends the version it read; the write is conditional on it
 * (`updateMany`/`deleteMany` where {id, version}), so of concurrent writers holding
 * the same version exactly one matches a row and the others get STALE_VERSION. The
 * row is read first in the same transaction, for the audit trail's `before` and for a
 * precise error; the audit record commits with the write.
 */
export interface VersionedTarget {
  readonly entity: Entity;
  /** The slug or global ID the client sent. */
  readonly reference: string;
  readonly expectedVersion: number;
}

/**
 * Sets `data` on the entity if it is still at `expectedVersion`; returns its id.
 * `alongside` writes what else belongs to the entity (a route) after the row and
 * before the audit trail records the result.
 */
export async function updateVersioned(
  write: Write,
  target: VersionedTarget & { readonly id?: number },
  data: Record<string, unknown>,
  alongside?: () => Promise<void>,
): Promise<number> {
  const { entity } = target;
  const id = target.id ?? (await resolveReference(write.tx, entity, target.reference, ["input", "id"]));
  const before = await conditionally(write, target, id, () =>
    delegateOf(write.tx, entity.model).updateMany({ where: { id, version: target.expectedVersion }, data: { ...data, version: { increment: 1 } } }),
  );
  await alongside?.();
  await write.audit({ entityType: entity.changeType, entityId: id, action: "UPDATE", before, after: await snapshotOf(write.tx, entity, id) });
  return id;
}

/**
 * Deletes the entity if it is still at `expectedVersion`; returns its global ID.
 * `alongside` records what the delete took with it (cascades), before the entity's own
 * audit record.
 */
export async function deleteVersioned(write: Write, target: VersionedTarget & { readonly id?: number }, alongside?: () => Promise<void>): Promise<string> {
  const { entity } = target;
  const id = target.id ?? (await resolveReference(write.tx, entity, target.reference, ["input", "id"]));
  const before = await conditionally(write, target, id, () =>
    delegateOf(write.tx, entity.model).deleteMany({ where: { id, version: target.expectedVersion } }),
  );
  await alongside?.();
  await write.audit({ entityType: entity.changeType, entityId: id, action: "DELETE", before });
  return encodeGlobalID(entity.typename, id);
}

async function conditionally(write: Write, target: VersionedTarget, id: number, change: () => Promise<{ count: number }>) {
  const label = `${target.entity.label} "${target.reference}"`;
  const read = () => snapshotOf(write.tx, target.entity, id);
  const before = await read();
  if (!before) throw new NotFoundError(`The ${label} no longer exists.`, ["input", "id"], target.reference);
  if (before["version"] !== target.expectedVersion) throw stale(label, target.expectedVersion, before["version"] as number);
  const { count } = await change();
  if (count === 0) {
    // Another writer committed between the read and the write (PostgreSQL re-checks
    // the condition after waiting for its lock).
    const now = await read();
    if (!now) throw new NotFoundError(`The ${label} was deleted meanwhile.`, ["input", "id"], target.reference);
    throw stale(label, target.expectedVersion, now["version"] as number);
  }
  return before;
}

function stale(label: string, expected: number, current: number): ConflictError {
  return new ConflictError(
    `The ${label} changed since you read it (you sent version ${expected}, it is now at ${current}); read it again and retry.`,
    "STALE_VERSION",
    ["input", "expectedVersion"],
    current,
  );
}
