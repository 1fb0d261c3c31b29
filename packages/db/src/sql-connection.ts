import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import type { DatabaseTarget } from "./target.ts";

/**
 * A raw SQL connection beside the Prisma client, for what Prisma's API does not do:
 * multi-statement migration scripts, and database-level checks. It shares the
 * underlying driver with the Prisma adapter (one PGlite instance, or one pg pool).
 */
export interface SqlConnection {
  /** Runs a script of one or more statements, without parameters, atomically. */
  execScript(sql: string): Promise<void>;
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export type OpenedConnection =
  | { readonly kind: "pglite"; readonly pglite: PGlite; readonly sql: SqlConnection }
  | { readonly kind: "postgres"; readonly pool: pg.Pool; readonly sql: SqlConnection };

/** The extensions the migrations create; every PGlite instance must load them. */
export const pgliteExtensions = { pg_trgm };

export async function openConnection(target: DatabaseTarget): Promise<OpenedConnection> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // Fail fast with the real reason (refused, unknown database, ...) rather than on
    // the first query.
    const probe = await pool.connect().catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    probe.release();
    return { kind: "postgres", pool, sql: poolConnection(pool) };
  }
  if (target.kind === "memory") {
    const pglite = await PGlite.create({ extensions: pgliteExtensions });
    return { kind: "pglite", pglite, sql: pgliteSqlConnection(pglite, () => {}) };
  }
  const lock = lockDataDir(target.dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: target.dataDir, extensions: pgliteExtensions });
    return { kind: "pglite", pglite, sql: pgliteSqlConnection(pglite, () => lock.release()) };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function pgliteSqlConnection(pglite: PGlite, onClose: () => void): SqlConnection {
  return {
    async execScript(script) {
      await pglite.transaction(async (tx) => {
        await tx.exec(script);
      });
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pglite.query<Row>(sql, [...params]);
      return result.rows;
    },
    async close() {
      if (!pglite.closed) await pglite.close();
      onClose();
    },
  };
}

function poolConnection(pool: pg.Pool): SqlConnection {
  let closed = false;
  return {
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(script);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(sql, [...params]);
      return result.rows as Row[];
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
