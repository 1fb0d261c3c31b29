import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, DataDirLockedError } from "../src/index.ts";

// One folder for the whole file: creating an embedded database on disk (initdb, then every
// migration) is the slow part, so each test starts from what the one before left.
describe("the embedded data folder", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-embedded-"));
  const dataDir = path.join(parent, "data");
  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  const modes = (dir: string): number[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return [fs.statSync(full).mode & 0o777, ...(entry.isDirectory() ? modes(full) : [])];
    });

  // Its files hold every fact and every token hash: the owner's only.
  it("is created 0700 with files 0600, survives a restart (write, close, reopen, read), and closes up a folder left open", async () => {
    const first = await createDb({ dataDir, migrate: true });
    await first.prisma.brand.create({ data: { slug: "persisted", name: "Persisted" } });
    await first.close();
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const all = modes(dataDir);
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((mode) => (mode & 0o077) === 0)).toBe(true);

    // A folder left readable by an older version is fixed when opened.
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, "PG_VERSION"), 0o666);
    const second = await createDb({ dataDir, migrate: true });
    try {
      expect(second.migration?.applied).toEqual([]);
      expect(await second.prisma.brand.findUnique({ where: { slug: "persisted" } })).toMatchObject({ name: "Persisted" });
    } finally {
      await second.close();
    }
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, "PG_VERSION")).mode & 0o777).toBe(0o600);
  });

  it("refuses a second opener while the folder is in use", async () => {
    const owner = await createDb({ dataDir });
    try {
      await expect(createDb({ dataDir })).rejects.toThrow(DataDirLockedError);
      await expect(createDb({ dataDir })).rejects.toThrow(/in use by another process/);
    } finally {
      await owner.close();
    }
    // Released on close: the folder opens again.
    const again = await createDb({ dataDir });
    await again.close();
  });

  it("takes over the lock of a process that died", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10)"]);
    await new Promise((resolve) => child.on("exit", resolve));
    fs.writeFileSync(path.join(dataDir, "solegraph.lock"), String(child.pid));
    const db = await createDb({ dataDir });
    expect(await db.prisma.brand.count()).toBeGreaterThan(0);
    await db.close();
  });
});
