import { createDb } from "../create-db.ts";
import { checkData, formatProblem } from "../data-check/index.ts";
import { DataDirLockedError } from "../data-dir-lock.ts";
import { seed } from "../seed/seed.ts";
import { DATABASE_HELP, runCli } from "./run-cli.ts";
import { terminalSafe } from "./terminal-safe.ts";

await runCli(
  {
    usage: `Usage: npm run data:check [-- --seed-dataset] [-- --json]

Checks that the graph is true to its sources, and names every record and field that
is not:
  - every citation and claim points at its passage: a locator, the source's URL with a
    text fragment (#:~:text=first%20words,last%20words; a facility list's row: #row=N),
    or, for a source whose text the graph keeps (the seed article), words found in it;
    a quote only where the text is kept, and verbatim;
  - every citation and claim says what the passage states (statement) and when it was
    read (retrievedOn);
  - every production's statements name its model (or line) and its factory (or town);
  - every news source has its publication date;
  - every fact has a citation, and every field it sets is supported by one.
Exits with 1 when anything is found.

Options:
  --seed-dataset   check the seed dataset (prisma/seed/*.json) in a throw-away
                   in-memory database instead of your database
  --json           print the problems as JSON (record, field, message)

With the embedded database, stop the server first (it holds the folder).

${DATABASE_HELP}`,
    options: {
      "seed-dataset": { type: "boolean" },
      json: { type: "boolean" },
    },
  },
  async (values) => {
    let db;
    try {
      db = values["seed-dataset"] ? await createDb({ dataDir: ":memory:", migrate: true }) : await createDb({ migrate: true });
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new Error(`${error.message} Stop the server to check its data (or use --seed-dataset).`);
      throw error;
    }
    try {
      if (values["seed-dataset"]) await seed(db.prisma);
      const problems = await checkData(db.sql);
      const where = values["seed-dataset"] ? "the seed dataset" : db.description;
      if (values.json) console.log(JSON.stringify(problems, null, 2));
      else if (problems.length === 0) console.log(`${where}: every citation and claim points at its passage; no problems.`);
      else {
        for (const problem of problems) console.log(terminalSafe(formatProblem(problem)));
        console.log(`\n${where}: ${problems.length} problem${problems.length === 1 ? "" : "s"}.`);
      }
      if (problems.length > 0) process.exitCode = 1;
    } finally {
      await db.close();
    }
  },
);
