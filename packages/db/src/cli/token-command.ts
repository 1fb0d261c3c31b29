import { executeControlRequest } from "../control-channel/execute.ts";
import type { ControlRequest, ControlResult } from "../control-channel/protocol.ts";
import { createDb } from "../create-db.ts";
import { DataDirLockedError } from "../data-dir-lock.ts";
import { ControlChannelUnavailableError, sendControlRequest } from "../control-channel/request.ts";
import { describeTarget, resolveTarget } from "../target.ts";

/**
 * Runs a token command wherever the database is: on a PostgreSQL server directly; on
 * the embedded folder directly when no process holds it, else through the control
 * socket of the server that does (see control-channel/protocol.ts).
 */
export async function runTokenCommand(request: ControlRequest): Promise<{ result: ControlResult; where: string }> {
  const target = resolveTarget();
  if (target.kind === "memory") {
    throw new Error("SOLEGRAPH_DATA_DIR=:memory: holds no tokens worth keeping: point it at a folder, or set DATABASE_URL.");
  }
  let db;
  try {
    db = await createDb({ migrate: true });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    try {
      return { result: await sendControlRequest(error.dataDir, request), where: `the server running on ${describeTarget(target)} (pid ${error.ownerPid})` };
    } catch (sendError) {
      if (!(sendError instanceof ControlChannelUnavailableError)) throw sendError;
      throw new Error(
        `${error.message} It offers no token channel (${sendError.socketPath}): if it is a solegraph server ` +
          "that is still starting, retry in a moment; otherwise stop it, then run this command again.",
      );
    }
  }
  try {
    return { result: await executeControlRequest(db.prisma, request), where: db.description };
  } finally {
    await db.close();
  }
}
