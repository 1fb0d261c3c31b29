import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WEB_DIR = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Builds the page from the source in the tree into a scratch folder, so the browser
 * tests test what is here, never a stale dist/ (Vite in its own process: a build inside
 * the test worker would share vitest's own Vite).
 */
export function buildPage(): { readonly dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-web-build-"));
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");
  execFileSync(process.execPath, [vite, "build", "--outDir", dir, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: WEB_DIR,
    // vitest sets NODE_ENV=test, which would make Vite keep development-only code: build
    // exactly what `npm run build:web` builds.
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
