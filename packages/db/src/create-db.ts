import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { migrate, MIGRATION_LOCK_KEY, MigrationError, pendingMigrations, type MigrationReport } from "./migrations.ts";
import { openConnection, type PoolOptions, type SqlConnection } from "./sql-connection.ts";
import { describeTarget, resolveTarget, type DatabaseTarget, type TargetOptions } from "./target.ts";

export interface DbOptions extends TargetOptions, PoolOptions {
  /** Apply pending migrations before returning (the server does; tools may not). */
  readonly migrate?: boolean | undefined;
  /**
   * Migrate a database that looks like someone else's: PostgreSQL's `postgres`
   * maintenance database, or one with tables but no migration history (--force-database).
   */
  readonly forceDatabase?: boolean | undefined;
  /** Told the migrations about to be applied (start-up progress). */
  readonly onMigrating?: ((names: readonly string[]) => void) | undefined;
  /**
   * Runs after migrating, still under the migration lock (the server seeds an empty
   * database here: replicas starting together seed once).
   */
  readonly afterMigrate?: ((prisma: PrismaClient, migration: MigrationReport) => Promise<void>) | undefined;
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
    if (options.migrate && !options.forceDatabase && target.kind === "postgres") await refuseMaintenanceDatabase(connection.sql);
    const prisma = createPrismaClient(new PrismaPg(connection.pool), options.onQuery);
    let migration: MigrationReport | undefined;
    if (options.migrate) {
      migration = await underMigrationLock(target, connection.pool, async () => {
        const report = await migrate(connection.sql, undefined, { force: options.forceDatabase, onPending: options.onMigrating });
        await options.afterMigrate?.(prisma, report);
        return report;
      });
    }
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

/**
 * Holds Prisma's migration lock (a session-level advisory lock on a connection of its
 * own) while `work` runs, on PostgreSQL: the history is read, migrations applied and
 * the seed loaded by one process at a time, and `prisma migrate deploy` waits too.
 * The embedded database is one process's already (its folder is locked).
 */
async function underMigrationLock<T>(target: DatabaseTarget, pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  if (target.kind !== "postgres") return work();
  const session = await pool.connect();
  try {
    await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    session.release();
  }
}

/** PostgreSQL's own databases are for administration; solegraph's tables do not belong there. */
const MAINTENANCE_DATABASES = new Set(["postgres", "template0", "template1"]);

async function refuseMaintenanceDatabase(sql: SqlConnection): Promise<void> {
  const [row] = await sql.query<{ name: string }>("SELECT current_database() AS name");
  if (row && MAINTENANCE_DATABASES.has(row.name)) {
    throw new MigrationError(
      `DATABASE_URL names "${row.name}", PostgreSQL's maintenance database; solegraph will not put its tables there. ` +
        `Create a database for it (createdb solegraph) and point DATABASE_URL at it, or use this one anyway with --force-database. Nothing was changed.`,
    );
  }
}

function createPrismaClient(adapter: PrismaPg, onQuery: ((sql: string) => void) | undefined): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}
