import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, DataDirLockedError } from "../src/index.ts";

describe("the embedded data folder", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-embedded-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("survives a restart: write, close, reopen, read", async () => {
    const first = await createDb({ dataDir, migrate: true });
    await first.prisma.brand.create({ data: { slug: "persisted", name: "Persisted" } });
    await first.close();

    const second = await createDb({ dataDir, migrate: true });
    try {
      expect(second.migration?.applied).toEqual([]);
      expect(await second.prisma.brand.findUnique({ where: { slug: "persisted" } })).toMatchObject({ name: "Persisted" });
    } finally {
      await second.close();
    }
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
