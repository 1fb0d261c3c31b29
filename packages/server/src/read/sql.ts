import sql, { empty, join, raw, type Sql } from "sql-template-tag";

/**
 * SQL fragments for the read path: sql-template-tag keeps values as parameters
 * ($1, $2, ...) however deeply fragments nest; these helpers add what our statements
 * need on top. Identifiers and JSON keys come from code and from GraphQL names, never
 * from values a client sends.
 */
export { sql, empty, join, raw, type Sql };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A quoted identifier (table, column or alias). */
export function ident(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an identifier: ${name}`);
  return raw(`"${name}"`);
}

/** `alias."column"`. */
export function column(alias: Sql, name: string): Sql {
  return sql`${alias}.${ident(name)}`;
}

/** A text literal for a JSON key or a type name: GraphQL names need no escaping. */
export function key(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a GraphQL name: ${name}`);
  return raw(`'${name}'`);
}

/** PostgreSQL passes at most 100 arguments to a function: 50 keys per json_build_object. */
const KEYS_PER_CALL = 50;

/**
 * A JSON object with these keys, in this order (json_build_object keeps the order,
 * and so does JSON.parse: response keys come out in selection order).
 */
export function jsonObject(entries: readonly (readonly [string, Sql])[]): Sql {
  if (entries.length === 0) return raw("'{}'::json");
  const chunks: Sql[] = [];
  for (let i = 0; i < entries.length; i += KEYS_PER_CALL) {
    const pairs = entries.slice(i, i + KEYS_PER_CALL).map(([name, value]) => sql`${key(name)}, ${value}`);
    chunks.push(sql`json_build_object(${join(pairs, ", ")})`);
  }
  if (chunks.length === 1) return chunks[0]!;
  // Wider selections: the objects' texts spliced into one, in order.
  const inner = chunks.map((chunk) => sql`left(right(${chunk}::text, -1), -1)`);
  return sql`('{' || ${join(inner, " || ',' || ")} || '}')::json`;
}

/** Fresh table aliases for one statement: t1, t2, ... */
export class Aliases {
  private next = 0;
  fresh(): Sql {
    this.next += 1;
    return raw(`t${this.next}`);
  }
}
