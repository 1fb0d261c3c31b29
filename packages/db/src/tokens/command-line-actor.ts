import type pg from "pg";
import { TokenScope } from "../generated/prisma/enums.ts";
import { generateTokenSecret } from "./token-secret.ts";
import { TokenCommandError } from "./token-store.ts";

/** The name the audit trail gives writes made from the command line without `--curator`. */
export const COMMAND_LINE_ACTOR = "command-line";

/** A pool or one of its connections: inside a transaction, pass the connection. */
type Queryable = Pick<pg.ClientBase, "query">;

/**
 * The token the audit trail records for a command-line write. Every change names a
 * token; someone with the database in hand needs none to write, so such writes are
 * recorded as `command-line`: a token row created revoked, whose secret nobody ever
 * saw, so it can never authenticate. `curator` names a real token instead (it must be
 * live and have the curate scope), so the trail says who ran the command.
 *
 * Plain SQL on the caller's connection, so a write that may roll back (an import's dry
 * run) creates the `command-line` row inside its own transaction, and it goes too.
 */
export async function commandLineActor(db: Queryable, curator?: string): Promise<{ id: number; name: string }> {
  if (curator !== undefined) {
    const token = (
      await db.query<{ id: number; name: string; scopes: string[]; revokedAt: Date | null }>(
        `SELECT id, name, scopes::text[] AS scopes, "revokedAt" FROM "ApiToken" WHERE name = $1`,
        [curator],
      )
    ).rows[0];
    if (!token) throw new TokenCommandError(`No token is named "${curator}" (npm run token:create -- --name ${curator} --scope curate).`);
    if (token.revokedAt !== null) throw new TokenCommandError(`The token "${curator}" is revoked.`);
    if (!token.scopes.includes(TokenScope.CURATE)) throw new TokenCommandError(`The token "${curator}" lacks the curate scope.`);
    return { id: token.id, name: token.name };
  }
  const secret = generateTokenSecret();
  await db.query(
    `INSERT INTO "ApiToken" (name, "lookupId", "tokenHash", scopes, "revokedAt")
     VALUES ($1, $2, $3, ARRAY[$4]::"TokenScope"[], now())
     ON CONFLICT (name) DO NOTHING`,
    [COMMAND_LINE_ACTOR, secret.lookupId, secret.tokenHash, TokenScope.CURATE],
  );
  const { id, name } = (await db.query<{ id: number; name: string }>(`SELECT id, name FROM "ApiToken" WHERE name = $1`, [COMMAND_LINE_ACTOR])).rows[0]!;
  return { id, name };
}
