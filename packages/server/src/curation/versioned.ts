import { ConflictError, NotFoundError, type FieldPath } from "./errors.ts";

/**
 * Optimistic concurrency for updates and deletes. The client sends the version it read;
 * the write is conditional on it (`updateMany`/`deleteMany` where {id, version}), so of
 * concurrent writers holding the same version exactly one matches a row, and the others
 * get STALE_VERSION. The row is read first in the same transaction, for the audit
 * trail's `before` and for a precise error.
 */
export async function versionedWrite<Row extends { version: number }>(options: {
  /** e.g. `factory "nb-lawrence"`. */
  readonly label: string;
  readonly path: FieldPath;
  readonly reference: string;
  readonly expectedVersion: number;
  /** The row as it is now, or null. */
  readonly read: () => Promise<Row | null>;
  /** The conditional write; returns how many rows it matched. */
  readonly write: () => Promise<{ count: number }>;
}): Promise<Row> {
  const before = await options.read();
  if (!before) throw new NotFoundError(`The ${options.label} no longer exists.`, options.path, options.reference);
  if (before.version !== options.expectedVersion) throw stale(options.label, options.expectedVersion, before.version);
  const { count } = await options.write();
  if (count === 0) {
    // Another writer committed between the read and the write (PostgreSQL re-checks
    // the condition after waiting for its lock).
    const now = await options.read();
    if (!now) throw new NotFoundError(`The ${options.label} was deleted meanwhile.`, options.path, options.reference);
    throw stale(options.label, options.expectedVersion, now.version);
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
