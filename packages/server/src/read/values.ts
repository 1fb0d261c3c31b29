import { sql, type Sql } from "./sql.ts";

// Parameters with their types spelled out: PostgreSQL cannot infer a parameter's type
// inside json_build_object(...) or a CASE, and an explicit type keeps plans stable.

export const textValue = (value: string): Sql => sql`${value}::text`;
export const intValue = (value: number): Sql => sql`${value}::int`;
export const boolValue = (value: boolean): Sql => sql`${value}::boolean`;
export const textArrayValue = (value: readonly string[]): Sql => sql`${[...value]}::text[]`;
export const intArrayValue = (value: readonly number[]): Sql => sql`${[...value]}::int[]`;
