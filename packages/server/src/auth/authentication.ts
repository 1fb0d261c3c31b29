import { verifyApiToken, type PrismaClient, type TokenScope } from "@solegraph/db";

/** Who sent a request, from its `Authorization` header. */
export type Authentication =
  | { readonly kind: "anonymous" }
  /** A header was sent but it is not a usable token; `reason` is safe to show. */
  | { readonly kind: "rejected"; readonly reason: string }
  | TokenAuthentication;

export interface TokenAuthentication {
  readonly kind: "token";
  readonly tokenId: number;
  /** The token's name: how the audit trail names the writer. */
  readonly name: string;
  readonly scopes: readonly TokenScope[];
}

const BEARER = /^Bearer +(\S+)$/i;

/**
 * Reads the bearer token, if any. Requests without the header cost nothing; with one,
 * one indexed lookup. Reads are public, so a bad token only matters where a scope is
 * required (see scopes.ts). The token itself never appears in a message.
 */
export async function authenticate(prisma: PrismaClient, header: string | null): Promise<Authentication> {
  if (header === null || header.trim() === "") return { kind: "anonymous" };
  const token = BEARER.exec(header.trim())?.[1];
  if (token === undefined) return { kind: "rejected", reason: "The Authorization header must be `Bearer <token>`." };
  const verification = await verifyApiToken(prisma, token);
  switch (verification.kind) {
    case "valid":
      return { kind: "token", tokenId: verification.tokenId, name: verification.name, scopes: verification.scopes };
    case "revoked":
      return { kind: "rejected", reason: `The API token "${verification.name}" was revoked.` };
    case "invalid":
      return { kind: "rejected", reason: "The API token is not valid." };
  }
}
