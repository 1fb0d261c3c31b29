import { parseArgs } from "node:util";
import { createDb, seed } from "@solegraph/db";
import { serve } from "./server.ts";

const USAGE = `Usage: npm start [-- --no-seed]

Starts the solegraph GraphQL server with GraphiQL at http://HOST:PORT/graphql.
It migrates the database first, and loads the seed dataset into an empty one.

Environment:
  PORT=4000                   port to listen on
  HOST=localhost              interface to listen on (0.0.0.0 for all)
  DATABASE_URL=postgres://... use that PostgreSQL server instead of the embedded database
  SOLEGRAPH_DATA_DIR=DIR      where the embedded database lives (default ./.solegraph/data)

Options:
  --no-seed   never load the seed dataset, even into an empty database
  -h, --help  show this help`;

const { values } = parseArgs({ options: { "no-seed": { type: "boolean" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  const port = Number(process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${process.env.PORT}").`);
  const db = await createDb({ migrate: true });
  if (!values["no-seed"] && (await db.prisma.brand.count()) === 0) {
    await seed(db.prisma);
    console.log("Loaded the seed dataset into the empty database.");
  }
  const running = await serve({ db, port, host: process.env.HOST || "localhost" });
  console.log(`solegraph on ${db.description}`);
  console.log(`GraphiQL and the GraphQL endpoint: ${running.url}`);

  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing in-flight requests, then closing the database...`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
