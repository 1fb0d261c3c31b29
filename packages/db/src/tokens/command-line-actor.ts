import type { PrismaClient } from "../generated/prisma/client.ts";
import { TokenScope } from "../generated/prisma/enums.ts";
import { generateTokenSecret } from "./token-secret.ts";
import { TokenCommandError } from "./token-store.ts";

/** The name the audit trail gives writes made from the command line without `--curator`. */
export const COMMAND_LINE_ACTOR = "command-line";

/**
 * The token id the audit trail records for a command-line write. Every change names a
 * token; someone with the database in hand needs none to write, so such writes are
 * recorded as `command-line`: a token row created revoked, whose secret nobody ever
 * saw, so it can never authenticate. `curator` names a real token instead (it must be
 * live and have the curate scope), so the trail says who ran the command.
 */
export async function commandLineActor(prisma: PrismaClient, curator?: string): Promise<{ id: number; name: string }> {
  if (curator !== undefined) {
    const token = await prisma.apiToken.findUnique({ where: { name: curator }, select: { id: true, name: true, scopes: true, revokedAt: true } });
    if (!token) throw new TokenCommandError(`No token is named "${curator}" (npm run token:create -- --name ${curator} --scope curate).`);
    if (token.revokedAt !== null) throw new TokenCommandError(`The token "${curator}" is revoked.`);
    if (!token.scopes.includes(TokenScope.CURATE)) throw new TokenCommandError(`The token "${curator}" lacks the curate scope.`);
    return { id: token.id, name: token.name };
  }
  const secret = generateTokenSecret();
  const { id, name } = await prisma.apiToken.upsert({
    where: { name: COMMAND_LINE_ACTOR },
    update: {},
    create: { name: COMMAND_LINE_ACTOR, scopes: [TokenScope.CURATE], lookupId: secret.lookupId, tokenHash: secret.tokenHash, revokedAt: new Date() },
    select: { id: true, name: true },
  });
  return { id, name };
}
