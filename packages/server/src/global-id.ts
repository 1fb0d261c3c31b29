/**
 * Opaque global IDs: base64url of "Typename:databaseId". Decoding never throws: a
 * malformed ID decodes to a typename no node has, which resolves to null, as Relay's
 * `node(id:)` promises for IDs it cannot find.
 */
export const INVALID_TYPENAME = "__InvalidGlobalID";

export function encodeGlobalID(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, "utf8").toString("base64url");
}

/** Row ids are PostgreSQL `int4`: a larger number names no row. */
const INT4_MAX = 2_147_483_647;

export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(globalID) ? Buffer.from(globalID, "base64url").toString("utf8") : "";
  const match = /^([A-Za-z][A-Za-z0-9]*):([1-9][0-9]{0,9})$/.exec(decoded);
  return match && Number(match[2]) <= INT4_MAX ? { typename: match[1]!, id: match[2]! } : { typename: INVALID_TYPENAME, id: "0" };
}
