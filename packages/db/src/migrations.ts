import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlConnection } from "./sql-connection.ts";
import { bumpWriteGeneration } from "./write-generation.ts";

/**
 * Applies `prisma/migrations` to a database, recording each one in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate status`/`deploy` agree with it. It
 * exists because Prisma has no programmatic migrate API, and embedded PGlite is
 * single-process: the server must migrate the folder it has opened itself.
 */

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

export interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
  /**
   * Migrations applied by a newer solegraph that this version does not know. Accepted:
   * migrations follow expand/contract (README, "Writing a migration"), so an older
   * replica keeps working on a database a newer one has expanded.
   */
  readonly newer: readonly string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      if (!MIGRATION_NAME.test(name)) {
        throw new MigrationError(`Unexpected migration folder name "${name}" in ${dir}.`);
      }
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

const HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

/**
 * The session-level advisory lock `prisma migrate deploy` takes (Prisma's own key), so
 * servers starting together and the CLI release step wait for each other on one
 * PostgreSQL database. create-db.ts holds it around migrating and seeding.
 */
export const MIGRATION_LOCK_KEY = 72_707_369;

export interface MigrateOptions {
  /** Migrate a database that has tables but no migration history (see `checkAdoptable`). */
  readonly force?: boolean | undefined;
  /** Told the migrations about to be applied, before the first one starts (start-up progress). */
  readonly onPending?: ((names: readonly string[]) => void) | undefined;
}

/** Brings the database to the latest migration; refuses a database it does not know. */
export async function migrate(
  sql: SqlConnection,
  migrations: readonly Migration[] = readMigrations(),
  { force = false, onPending }: MigrateOptions = {},
): Promise<MigrationReport> {
  if (!force) await checkAdoptable(sql);
  await sql.execScript(HISTORY_TABLE);
  const history = await readHistory(sql);
  const { pending, newer } = checkHistory(history, migrations);
  if (pending.length > 0) onPending?.(pending.map((m) => m.name));
  for (const migration of pending) {
    // One transaction per migration: the schema change and its history row commit
    // together or not at all.
    await sql.execScript(
      `${migration.sql}\n;` +
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") ` +
        `VALUES (gen_random_uuid()::text, '${migration.checksum}', now(), '${migration.name}', 1);`,
    );
  }
  // A new schema may answer differently: answers cached before it are not reused.
  if (pending.length > 0) await bumpWriteGeneration(sql);
  return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length, newer };
}

/**
 * A database with tables but no migration history is someone else's (or was set up by
 * hand): migrating it would mix our tables into theirs. Refused unless forced.
 */
async function checkAdoptable(sql: SqlConnection): Promise<void> {
  const [state] = await sql.query<{ history: boolean; tables: number }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS history,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = current_schema()) AS tables`,
  );
  if (state && !state.history && state.tables > 0) {
    throw new MigrationError(
      `This database has ${state.tables} table${state.tables === 1 ? "" : "s"} but no migration history: it is not a ` +
        "solegraph database, or its tables were made by hand. Nothing was changed. Use an empty database, or " +
        "migrate it anyway with --force-database.",
    );
  }
}

/** Names of migrations not yet applied, after checking the history is one we know. */
export async function pendingMigrations(
  sql: SqlConnection,
  migrations: readonly Migration[] = readMigrations(),
): Promise<string[]> {
  const exists = await sql.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) return migrations.map((m) => m.name);
  return checkHistory(await readHistory(sql), migrations).pending.map((m) => m.name);
}

async function readHistory(sql: SqlConnection): Promise<AppliedRow[]> {
  return sql.query<AppliedRow>(
    `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at"
       FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`,
  );
}

function checkHistory(history: readonly AppliedRow[], migrations: readonly Migration[]): { pending: Migration[]; newer: string[] } {
  const known = new Map(migrations.map((m) => [m.name, m]));
  const applied = new Set<string>();
  const unknown: string[] = [];
  for (const row of history) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but never finished on this database. ` +
          "Inspect it, then resolve it with `prisma migrate resolve`.",
      );
    }
    const migration = known.get(row.migration_name);
    if (!migration) {
      unknown.push(row.migration_name);
      continue;
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied to this database ` +
          "(checksum mismatch); nothing was changed.",
      );
    }
    applied.add(row.migration_name);
  }
  const pending = migrations.filter((m) => !applied.has(m.name));
  const latestKnown = migrations.at(-1)?.name ?? "";
  const diverged = unknown.filter((name) => name < latestKnown);
  // Unknown migrations are a newer version's only when they all come after ours and
  // ours are all applied; otherwise the histories diverged (another branch's database).
  if (unknown.length > 0 && (pending.length > 0 || diverged.length > 0)) {
    throw new MigrationError(
      `This database's migration history differs from this version's: it has ${unknown.join(", ")}, which this ` +
        `version does not know${pending.length > 0 ? `, and lacks ${pending.map((m) => m.name).join(", ")}` : ""}. ` +
        "Use the solegraph version that migrated it, or a different database; nothing was changed.",
    );
  }
  return { pending, newer: unknown };
}
