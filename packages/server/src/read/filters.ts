import type { FieldPlan, OrderTerm } from "./plan.ts";
import { ident, sql, type Sql } from "./sql.ts";
import { textValue } from "./values.ts";

/** `expression` contains `text`, case-insensitively; LIKE's wildcards in `text` match themselves. */
export function containsInsensitive(expression: Sql, text: string): Sql {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${expression} ILIKE '%' || ${textValue(escaped)} || '%'`;
}

/** Equal, case-insensitively. */
export function equalsInsensitive(expression: Sql, text: string): Sql {
  return sql`lower(${expression}) = lower(${textValue(text)})`;
}

/** A root field `thing(slug:)`: the row with that slug, or null. */
export function rowBySlug(table: string): FieldPlan {
  return {
    kind: "row",
    rows: ({ args }, alias) => ({ from: ident(table), where: sql`${alias}.slug = ${textValue(String(args["slug"]))}` }),
  };
}

/** All conditions (undefined ones dropped), or undefined when none is left. */
export function allOf(conditions: readonly (Sql | undefined)[]): Sql | undefined {
  const given = conditions.filter((c): c is Sql => c !== undefined);
  if (given.length === 0) return undefined;
  return given.reduce((all, c) => sql`${all} AND ${c}`);
}

/** Every row of a table, as a connection in this order. */
export function wholeTable(table: string, orderBy: readonly OrderTerm[]): FieldPlan {
  return { kind: "connection", table, rows: () => ({ from: ident(table), orderBy }) };
}
