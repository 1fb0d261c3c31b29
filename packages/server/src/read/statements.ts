import { createHash } from "node:crypto";
import type pg from "pg";
import { deadlineExceeded, responseTooLarge } from "./limit-errors.ts";
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
  /** A statement's answer is awaited this long (PostgreSQL also stops it then: the pool's statement_timeout). */
  readonly timeoutMs?: number;
  /** Answers longer than this are refused. */
  readonly maxResponseBytes?: number;
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

  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;

  return {
    async json(statement) {
      const text = statement.text;
      options.onStatement?.(text, statement.values);
      const name = nameFor(text);
      const query = pool.query<{ json: string }>(name ? { name, text, values: statement.values } : { text, values: statement.values });
      // The embedded database cannot cancel a statement: the answer is abandoned.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(deadlineExceeded(timeoutMs)), timeoutMs);
      });
      query.catch(() => {}); // abandoned after the deadline: its failure is not news
      try {
        const result = await Promise.race([query, deadline]);
        const json = result.rows[0]!.json;
        if (json.length > maxBytes || (json.length > maxBytes / 4 && Buffer.byteLength(json) > maxBytes)) {
          throw responseTooLarge(Buffer.byteLength(json), maxBytes);
        }
        return json;
      } catch (error) {
        // PostgreSQL's statement_timeout (query_canceled).
        if ((error as { code?: unknown }).code === "57014") throw deadlineExceeded(timeoutMs);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
