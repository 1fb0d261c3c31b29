import { createDb } from "../create-db.ts";
import { DATABASE_HELP, runCli } from "./run-cli.ts";

await runCli(
  {
    usage: `Usage: npm run db:migrate

Applies pending migrations from prisma/migrations. Refuses a database migrated by a
newer solegraph, or whose applied migrations were edited.

${DATABASE_HELP}`,
    options: {},
  },
  async () => {
    const db = await createDb({ migrate: true });
    try {
      const { applied, alreadyApplied } = db.migration!;
      console.log(
        applied.length === 0
          ? `${db.description}: up to date (${alreadyApplied} migrations).`
          : `${db.description}: applied ${applied.join(", ")}.`,
      );
    } finally {
      await db.close();
    }
  },
);
