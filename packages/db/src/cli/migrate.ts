import { createDb } from "../create-db.ts";
import { DATABASE_HELP, runCli } from "./run-cli.ts";

await runCli(
  {
    usage: `Usage: npm run db:migrate [-- --force-database]

Applies pending migrations from prisma/migrations. Refuses a database migrated by a
newer solegraph, or whose applied migrations were edited; and, unless
--force-database is given, PostgreSQL's "postgres" maintenance database and a database
with tables but no migration history (someone else's).

Options:
  --force-database   migrate such a database anyway

${DATABASE_HELP}`,
    options: { "force-database": { type: "boolean" } },
  },
  async (values) => {
    const db = await createDb({ migrate: true, forceDatabase: values["force-database"] });
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
