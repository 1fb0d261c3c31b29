import { recordChange, type ChangeRecord, type Prisma } from "@solegraph/db";
import type { GraphQLResolveInfo } from "graphql";
import { planPayload } from "../read/payload.ts";
import type { PlannedRow } from "../read/planned-types.ts";
import type { AuthenticatedContext } from "../context.ts";
import { curationErrorFromDatabase } from "./constraint-errors.ts";

/** One write in progress: its transaction, and the audit trail in that transaction. */
export interface Write {
  readonly tx: Prisma.TransactionClient;
  /** Appends a change record as the request's token; it commits with the write or not at all. */
  audit(change: Omit<ChangeRecord, "tokenId">): Promise<void>;
}

/**
 * Writers queue for the embedded database (PGlite runs one transaction at a time) and
 * for contended rows on PostgreSQL; Prisma's defaults (2 s to start, 5 s to finish)
 * would fail bursts of legitimate writes.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** Runs a mutation's reads and writes in one transaction, as the request's token. */
export async function runWrite<T>(context: AuthenticatedContext, work: (write: Write) => Promise<T>): Promise<T> {
  const { tokenId } = context.authentication;
  const changeIds: number[] = [];
  let result: T;
  try {
    result = await context.prisma.$transaction(async (tx) => {
      changeIds.length = 0; // (a retried transaction starts over)
      const result = await work({
        tx,
        audit: async (change) => {
          changeIds.push(await recordChange(tx, { ...change, tokenId }));
        },
      });
      // Deferred checks (every factory and production keeps a citation) run now, as a
      // statement of the transaction, rather than at COMMIT: a refusal then rolls back
      // like any other (Prisma's pg adapter does not release a connection whose COMMIT failed).
      await tx.$executeRaw`SET CONSTRAINTS ALL IMMEDIATE`;
      return result;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    throw curationErrorFromDatabase(error) ?? error;
  }
  // Committed: the write generation went up in the transaction (the "Change" trigger), so
  // no replica serves an answer cached before it; live subscribers hear of it (fleet/change-feed.ts).
  context.changes.committed(changeIds);
  return result;
}

/**
 * A write whose result is an entity payload: the payload's selection is planned (and
 * checked) before anything is written, the write returns the entity's id, and the
 * payload is read in the same transaction (read/payload.ts).
 */
export function writeAndRead(
  context: AuthenticatedContext,
  info: GraphQLResolveInfo,
  payloadType: string,
  table: string,
  work: (write: Write) => Promise<number>,
): Promise<PlannedRow> {
  const payload = planPayload(info, context, payloadType);
  return runWrite(context, async (write) => payload.load(write.tx, table, await work(write)));
}
