import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { reportInternalNameTypesAsText } from "./pg-oid-workaround.ts";
import { pgliteExtensions } from "./embedded/extensions.ts";

/**
 * The driver adapter the Prisma CLI uses (see prisma.config.ts).
 *
 * - With the user's DATABASE_URL: that PostgreSQL server.
 * - Without: a throw-away in-memory PGlite. The CLI never opens the embedded data
 *   folder, because PGlite is single-process and the server owns that folder; the
 *   server (or `npm run db:migrate`) migrates it itself. In memory is all that
 *   `migrate diff --from-migrations` needs (drift checks, writing new migrations).
 */
export async function createMigrationAdapter(userDatabaseUrl: string | undefined) {
  if (userDatabaseUrl !== undefined) {
    reportInternalNameTypesAsText();
    return new PrismaPg({ connectionString: userDatabaseUrl });
  }
  return new SchemaEnginePGlite(await newMemoryPGlite());
}

function newMemoryPGlite(): Promise<PGlite> {
  return PGlite.create({ extensions: pgliteExtensions });
}

/**
 * pglite-prisma-adapter 0.6 as the schema engine needs it:
 * - the shadow database loads the extensions our migrations create;
 * - scripts (migration files replayed on the shadow database, sent as parameterless
 *   `executeRaw` or `executeScript`) run through PGlite's multi-statement `exec`, and
 *   are awaited, so their errors reach the engine.
 */
class SchemaEnginePGlite extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect() {
    const adapter = await super.connect();
    const pglite = this.pglite;
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeScript = async (script) => {
      await pglite.exec(script);
    };
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await pglite.exec(query.sql);
      return 0;
    };
    return adapter;
  }

  override async connectToShadowDb() {
    return new SchemaEnginePGlite(await newMemoryPGlite()).connect();
  }
}
