import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { migrate, pendingMigrations, type MigrationReport } from "./migrations.ts";
import { openConnection, type PoolOptions, type SqlConnection } from "./sql-connection.ts";
import { describeTarget, resolveTarget, type DatabaseTarget, type TargetOptions } from "./target.ts";

export interface DbOptions extends TargetOptions, PoolOptions {
  /** Apply pending migrations before returning (the server does; tools may not). */
  readonly migrate?: boolean | undefined;
  /** Called with the text of every SQL statement Prisma sends. */
  readonly onQuery?: ((sql: string) => void) | undefined;
}

/** An open database: the Prisma client, a raw SQL side channel, and how to close both. */
export interface Db {
  readonly prisma: PrismaClient;
  readonly sql: SqlConnection;
  /** The `pg` pool under both: the read path sends its planned statements here. */
  readonly pool: pg.Pool;
  readonly target: DatabaseTarget;
  readonly description: string;
  readonly migration: MigrationReport | undefined;
  /** True when the database has every migration this version knows. */
  isUpToDate(): Promise<boolean>;
  /** Embedded databases only: writes their files to a tarball a test database can start from. */
  readonly dump?: ((file: string) => Promise<void>) | undefined;
  close(): Promise<void>;
}

/**
 * Opens solegraph's database: PostgreSQL when `DATABASE_URL` (or `url`) is set, else
 * the embedded PGlite folder (`./.solegraph/data`, or `dataDir`; `":memory:"` for
 * tests). The embedded folder is locked for this process until `close()`.
 */
export async function createDb(options: DbOptions = {}): Promise<Db> {
  const target = resolveTarget(options);
  const connection = await openConnection(target, options);
  try {
    const migration = options.migrate ? await migrate(connection.sql) : undefined;
    const prisma = createPrismaClient(new PrismaPg(connection.pool), options.onQuery);
    let closed = false;
    return {
      prisma,
      sql: connection.sql,
      pool: connection.pool,
      target,
      description: describeTarget(target),
      migration,
      dump: connection.dump,
      async isUpToDate() {
        return (await pendingMigrations(connection.sql)).length === 0;
      },
      async close() {
        if (closed) return;
        closed = true;
        await prisma.$disconnect();
        await connection.sql.close();
      },
    };
  } catch (error) {
    await connection.sql.close();
    throw error;
  }
}

function createPrismaClient(adapter: PrismaPg, onQuery: ((sql: string) => void) | undefined): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}
