import type { Prisma } from "../generated/prisma/client.ts";
import type { ChangeAction, ChangeEntityType } from "../generated/prisma/enums.ts";

export interface ChangeRecord {
  /** The token that made the write. */
  readonly tokenId: number;
  readonly entityType: ChangeEntityType;
  readonly entityId: number;
  readonly action: ChangeAction;
  /** The entity before the write; omitted for CREATE. */
  readonly before?: unknown;
  /** The entity after the write; omitted for DELETE. */
  readonly after?: unknown;
}

/**
 * Appends one record to the audit trail. It takes the write's transaction client, not
 * the Prisma client: the record must commit or roll back with the write it describes.
 */
/** Returns the record's id (announced to live subscribers once the write commits). */
export async function recordChange(tx: Prisma.TransactionClient, change: ChangeRecord): Promise<number> {
  const data: Prisma.ChangeUncheckedCreateInput = {
    tokenId: change.tokenId,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
  };
  if (change.before !== undefined) data.before = toJson(change.before);
  if (change.after !== undefined) data.after = toJson(change.after);
  const { id } = await tx.change.create({ data, select: { id: true } });
  return id;
}

/**
 * Rows hold Dates (and may hold other non-JSON values Prisma cannot store in a Json
 * column); a JSON round trip stores them the way any client would read them back.
 */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
