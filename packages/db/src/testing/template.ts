import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "../create-db.ts";
import { readMigrations } from "../migrations.ts";
import { SEED_DIR } from "../seed/load.ts";
import { seed } from "../seed/seed.ts";

/**
 * In-memory test databases start from a tarball of an embedded database that is
 * already migrated (and seeded, when asked): loading one takes a third of a second,
 * where creating a cluster, migrating and seeding take two and a half. The tarball
 * is built once per content of the migrations and the seed, in the system's temporary
 * folder, and shared by every test process; a half-written one is never visible (it
 * is written under a unique name, then renamed).
 */
export async function templateFile(seeded: boolean): Promise<string> {
  const dir = path.join(os.tmpdir(), "solegraph-test-templates");
  const file = path.join(dir, `${seeded ? "seeded" : "migrated"}-${contentKey(seeded)}.tar`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const db = await createDb({ dataDir: ":memory:", migrate: true });
  try {
    if (seeded) await seed(db.prisma);
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await db.dump!(partial);
    fs.renameSync(partial, file);
  } finally {
    await db.close();
  }
  return file;
}

function contentKey(seeded: boolean): string {
  const hash = createHash("sha256");
  for (const migration of readMigrations()) hash.update(migration.checksum);
  if (seeded) {
    const files = fs.readdirSync(SEED_DIR, { recursive: true, encoding: "utf8" }).filter((name) => fs.statSync(path.join(SEED_DIR, name)).isFile());
    for (const name of files.sort()) hash.update(name).update(fs.readFileSync(path.join(SEED_DIR, name)));
  }
  return hash.update(pgliteVersion()).digest("hex").slice(0, 16);
}

/** PGlite's files differ between its versions (its package.json is not exported: found from its entry). */
function pgliteVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite")));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const { name, version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (name === "@electric-sql/pglite" && version) return version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find @electric-sql/pglite's package.json.");
    dir = parent;
  }
}
