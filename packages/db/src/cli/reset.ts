import fs from "node:fs";
import { createDb } from "../create-db.ts";
import { lockDataDir } from "../data-dir-lock.ts";
import { seed } from "../seed/seed.ts";
import { describeTarget, resolveTarget } from "../target.ts";
import { DATABASE_HELP, runCli } from "./run-cli.ts";

await runCli(
  {
    usage: `Usage: npm run db:reset [-- --force] [--no-seed]

Deletes every table and row, migrates from scratch and loads the seed dataset.
On a PostgreSQL server (DATABASE_URL set) it refuses unless --force is given: it
drops the whole "public" schema of that database.

Options:
  --force     required when DATABASE_URL points at a PostgreSQL server
  --no-seed   leave the database empty after migrating

${DATABASE_HELP}`,
    options: { force: { type: "boolean" }, "no-seed": { type: "boolean" } },
  },
  async (values) => {
    const target = resolveTarget();
    if (target.kind === "postgres") {
      if (!values.force) {
        throw new Error(
          `Refusing to reset ${describeTarget(target)}: this deletes all of its data. ` +
            "If that is really what you want: npm run db:reset -- --force",
        );
      }
      const db = await createDb();
      try {
        await db.sql.execScript(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
      } finally {
        await db.close();
      }
    } else if (target.kind === "pglite") {
      // Take the lock first: never delete a folder a running server has open.
      const lock = lockDataDir(target.dataDir);
      for (const entry of fs.readdirSync(target.dataDir)) {
        if (entry !== "solegraph.lock") fs.rmSync(`${target.dataDir}/${entry}`, { recursive: true, force: true });
      }
      lock.release();
    }
    const db = await createDb({ migrate: true, forceDatabase: values.force });
    try {
      if (!values["no-seed"]) await seed(db.prisma);
      console.log(`${db.description}: reset${values["no-seed"] ? "" : " and seeded"}.`);
    } finally {
      await db.close();
    }
  },
);
