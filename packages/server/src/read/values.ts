import { raw, sql, type Sql } from "./sql.ts";

// Parameters with their types spelled out: PostgreSQL cannot infer a parameter's type
// inside json_build_object(...) or a CASE, and an explicit type keeps plans stable.

export const textValue = (value: string): Sql => sql`${value}::text`;
export const intValue = (value: number): Sql => sql`${value}::int`;
export const boolValue = (value: boolean): Sql => sql`${value}::boolean`;
export const textArrayValue = (value: readonly string[]): Sql => sql`${[...value]}::text[]`;
export const intArrayValue = (value: readonly number[]): Sql => sql`${[...value]}::int[]`;

/**
 * A text constant written into the statement, for values the planner should see
 * (search words: their statistics choose the plan). An escape string (E'...'), read
 * the same whatever standard_conforming_strings says: backslashes and quotes doubled.
 * NUL never reaches here (refused at the edge; PostgreSQL's text cannot hold it).
 */
export function textLiteral(value: string): Sql {
  if (value.includes("\0")) throw new Error("A NUL character cannot be a text literal.");
  return raw(`E'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'::text`);
}
