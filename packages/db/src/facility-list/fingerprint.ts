import { createHash } from "node:crypto";

/**
 * SHA-256 of a file's bytes, hex: what tells an import that it is given the same file
 * as a run that stopped, and may continue it.
 */
export async function fingerprintOf(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest("hex");
}
