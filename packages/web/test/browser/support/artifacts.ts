import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the page tests leave what a person reviews: screenshots, the accessibility
 * reports, the bundle sizes. test-artifacts/ at the repository root is gitignored.
 */
export const ARTIFACTS_DIR = process.env.SOLEGRAPH_ARTIFACTS_DIR ?? fileURLToPath(new URL("../../../../../test-artifacts/web/", import.meta.url));

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

export function writeArtifact(name: string, content: unknown): void {
  fs.writeFileSync(artifactPath(name), typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
}
