import { createDb } from "../create-db.ts";
import { seed } from "../seed/seed.ts";
import { DATABASE_HELP, runCli } from "./run-cli.ts";

await runCli(
  {
    usage: `Usage: npm run db:seed

Migrates the database, then loads the seed dataset from prisma/seed/*.json. Only
missing rows are inserted: running it twice changes nothing, and it never overwrites
rows that already exist (curators' edits stay).

${DATABASE_HELP}`,
    options: {},
  },
  async () => {
    const db = await createDb({ migrate: true });
    try {
      const { created } = await seed(db.prisma);
      const entries = Object.entries(created);
      console.log(
        entries.length === 0
          ? `${db.description}: the seed dataset is already there; nothing changed.`
          : `${db.description}: created ${entries.map(([table, n]) => `${n} ${table}`).join(", ")}.`,
      );
    } finally {
      await db.close();
    }
  },
);
