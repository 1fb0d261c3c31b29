import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "../src/index.ts";

// The embedded database's files hold every fact and every token hash: the owner's only.
describe("the embedded data folder", () => {
  it("is created 0700 and its files 0600, and an older, open folder is closed up", async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-perm-"));
    try {
      const dataDir = path.join(parent, "data");
      const db = await createDb({ dataDir, migrate: true });
      await db.close();
      const modes = (dir: string): number[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          return [fs.statSync(full).mode & 0o777, ...(entry.isDirectory() ? modes(full) : [])];
        });
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      const all = modes(dataDir);
      expect(all.length).toBeGreaterThan(10);
      expect(all.every((mode) => (mode & 0o077) === 0)).toBe(true);

      // A folder left readable by an older version is fixed when opened.
      fs.chmodSync(dataDir, 0o755);
      fs.chmodSync(path.join(dataDir, "PG_VERSION"), 0o666);
      const again = await createDb({ dataDir });
      await again.close();
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, "PG_VERSION")).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
