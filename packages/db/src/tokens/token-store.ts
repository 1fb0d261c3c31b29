import { constraintViolation } from "../constraint-violation.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { TokenScope } from "../generated/prisma/enums.ts";
import { generateTokenSecret, tokenLookupId, tokenMatchesHash } from "./token-secret.ts";

/** A token as listed to people: never its secret or hash. */
export interface ApiTokenInfo {
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

/** A refusal to show the person running a token command, as is. */
export class TokenCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenCommandError";
  }
}

/** Same rule as the ApiToken_name_format CHECK constraint. */
export const TOKEN_NAME_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** Scope names as people type them (`--scope curate`). */
export const SCOPE_NAMES: Readonly<Record<string, TokenScope>> = { curate: TokenScope.CURATE, admin: TokenScope.ADMIN };

export function parseScopeName(name: string): TokenScope {
  const scope = SCOPE_NAMES[name.toLowerCase()];
  if (!scope) throw new TokenCommandError(`Unknown scope "${name}": use ${Object.keys(SCOPE_NAMES).join(" or ")}.`);
  return scope;
}

const infoSelect = { name: true, scopes: true, createdAt: true, revokedAt: true } as const;

/** Creates a token; the returned `token` is the only time its secret exists in clear. */
export async function createApiToken(
  prisma: PrismaClient,
  { name, scopes }: { name: string; scopes: readonly TokenScope[] },
): Promise<{ token: string; info: ApiTokenInfo }> {
  if (!TOKEN_NAME_FORMAT.test(name)) {
    throw new TokenCommandError(
      `Invalid token name "${name}": use up to 80 letters, digits, ".", "_" or "-", starting with a letter or digit.`,
    );
  }
  if (scopes.length === 0) throw new TokenCommandError("A token needs at least one scope.");
  const secret = generateTokenSecret();
  try {
    const info = await prisma.apiToken.create({
      data: { name, scopes: [...new Set(scopes)], lookupId: secret.lookupId, tokenHash: secret.tokenHash },
      select: infoSelect,
    });
    return { token: secret.token, info };
  } catch (error) {
    if (constraintViolation(error)?.constraint === "ApiToken_name_key") {
      throw new TokenCommandError(
        `A token named "${name}" already exists (names are never reused, even after revoking, so the audit trail stays unambiguous).`,
      );
    }
    throw error;
  }
}

/** Revokes a token by name; revoking a revoked token changes nothing. */
export async function revokeApiToken(prisma: PrismaClient, name: string): Promise<{ info: ApiTokenInfo; alreadyRevoked: boolean }> {
  const { count } = await prisma.apiToken.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: new Date() } });
  const info = await prisma.apiToken.findUnique({ where: { name }, select: infoSelect });
  if (!info) throw new TokenCommandError(`No token is named "${name}".`);
  return { info, alreadyRevoked: count === 0 };
}

export type TokenVerification =
  | { readonly kind: "valid"; readonly tokenId: number; readonly name: string; readonly scopes: readonly TokenScope[] }
  | { readonly kind: "invalid" }
  | { readonly kind: "revoked"; readonly name: string };

/** Checks a presented token against the stored hashes. */
export async function verifyApiToken(prisma: PrismaClient, token: string): Promise<TokenVerification> {
  const lookupId = tokenLookupId(token);
  if (lookupId === undefined) return { kind: "invalid" };
  const row = await prisma.apiToken.findUnique({ where: { lookupId } });
  if (!row || !tokenMatchesHash(token, row.tokenHash)) return { kind: "invalid" };
  if (row.revokedAt !== null) return { kind: "revoked", name: row.name };
  return { kind: "valid", tokenId: row.id, name: row.name, scopes: row.scopes };
}
