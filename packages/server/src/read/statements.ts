import { createHash } from "node:crypto";
import type pg from "pg";
import type { Sql } from "./sql.ts";

/**
 * Sends planned statements. A statement shape seen again is sent as a named prepared
 * statement, so PostgreSQL parses and plans it once per connection instead of per
 * request (large planned statements cost more to plan than to run). The number of
 * names is capped: shapes beyond the cap run unnamed, so a client sending endless
 * new shapes cannot grow the database's memory.
 */
export interface StatementRunner {
  /** Runs a statement whose one column is JSON text; resolves to that text. */
  json(statement: Sql): Promise<string>;
}

export interface StatementRunnerOptions {
  /** Called with each statement before it is sent (tests, metrics). */
  readonly onStatement?: ((text: string, values: readonly unknown[]) => void) | undefined;
  readonly maxPreparedShapes?: number;
}

export function createStatementRunner(pool: pg.Pool, options: StatementRunnerOptions = {}): StatementRunner {
  const seen = new Map<string, string | null>();
  const maxShapes = options.maxPreparedShapes ?? 500;
  let prepared = 0;

  function nameFor(text: string): string | undefined {
    const known = seen.get(text);
    if (typeof known === "string") return known;
    if (known === null && prepared < maxShapes) {
      // Second sighting: worth preparing.
      const name = `sg_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
      seen.set(text, name);
      prepared += 1;
      return name;
    }
    if (known === undefined && seen.size < maxShapes * 4) seen.set(text, null);
    return undefined;
  }

  return {
    async json(statement) {
      const text = statement.text;
      options.onStatement?.(text, statement.values);
      const name = nameFor(text);
      const result = await pool.query<{ json: string }>(name ? { name, text, values: statement.values } : { text, values: statement.values });
      return result.rows[0]!.json;
    },
  };
}
