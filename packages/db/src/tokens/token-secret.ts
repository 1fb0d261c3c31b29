import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API tokens look like `sg_<lookupId>_<secret>`: the lookup id (8 random bytes, hex)
 * finds the token's row, the secret (32 random bytes, base64url) makes it unguessable.
 * Only SHA-256 of the whole token is stored. A fast hash is right for these (unlike
 * passwords): the input is 256 bits of randomness, so there is nothing to brute-force,
 * and checking a token costs one hash per request.
 */
const TOKEN_FORMAT = /^sg_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/;

export interface NewTokenSecret {
  /** The token to hand to its owner, once. */
  readonly token: string;
  readonly lookupId: string;
  readonly tokenHash: string;
}

export function generateTokenSecret(): NewTokenSecret {
  const lookupId = randomBytes(8).toString("hex");
  const token = `sg_${lookupId}_${randomBytes(32).toString("base64url")}`;
  return { token, lookupId, tokenHash: hashToken(token) };
}

/** The lookup id of a well-formed token, else undefined. */
export function tokenLookupId(token: string): string | undefined {
  return TOKEN_FORMAT.exec(token)?.[1];
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares hashes in constant time, so response times say nothing about the secret. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, "hex");
  const actual = createHash("sha256").update(token, "utf8").digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
