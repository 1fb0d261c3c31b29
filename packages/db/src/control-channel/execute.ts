import type { PrismaClient } from "../generated/prisma/client.ts";
import { createApiToken, revokeApiToken, type ApiTokenInfo } from "../tokens/token-store.ts";
import type { ControlRequest, ControlResult, TokenSummary } from "./protocol.ts";

/** Runs a token command on an open database: the CLI's own, or the running server's. */
export async function executeControlRequest(prisma: PrismaClient, request: ControlRequest): Promise<ControlResult> {
  switch (request.command) {
    case "token:create": {
      const { token, info } = await createApiToken(prisma, { name: request.name, scopes: request.scopes });
      return { command: request.command, token, summary: summarize(info) };
    }
    case "token:revoke": {
      const { info, alreadyRevoked } = await revokeApiToken(prisma, request.name);
      return { command: request.command, alreadyRevoked, summary: summarize(info) };
    }
  }
}

function summarize(info: ApiTokenInfo): TokenSummary {
  return {
    name: info.name,
    scopes: info.scopes,
    createdAt: info.createdAt.toISOString(),
    revokedAt: info.revokedAt?.toISOString() ?? null,
  };
}
