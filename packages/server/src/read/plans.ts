import type { FieldPlan, OrderTerm, PlanContext, RowSource } from "./plan.ts";
import { column, ident, raw, sql, type Sql } from "./sql.ts";

/**
 * Constructors for the read plans entity modules use most: columns, formatted
 * scalars, global IDs, and relations along foreign keys. Anything else is a plan
 * written out (see plan.ts).
 */

/** A column, as JSON (text, numbers, booleans, enums). */
export function columnValue(name: string): FieldPlan {
  return { kind: "value", value: ({ row }) => column(row, name) };
}

/** A computed JSON value. */
export function computed(value: (context: PlanContext) => Sql): FieldPlan {
  return { kind: "value", value };
}

/** `timestamp(3)` columns hold UTC: as ISO 8601 with milliseconds, like Date#toISOString. */
export function dateTimeValue(name: string): FieldPlan {
  return { kind: "value", value: ({ row }) => sql`to_char(${column(row, name)}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` };
}

/** `date` columns as YYYY-MM-DD. */
export function dateValue(name: string): FieldPlan {
  return { kind: "value", value: ({ row }) => sql`to_char(${column(row, name)}, 'YYYY-MM-DD')` };
}

/** The opaque global ID of a row: base64url of "Typename:id" (see global-id.ts), computed in SQL. */
export function globalIdOf(typename: string, id: Sql): Sql {
  return sql`rtrim(translate(encode(convert_to(${raw(`'${typename}:'`)} || ${id}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
}

export function globalIdValue(typename: string): FieldPlan {
  return { kind: "value", value: ({ row }) => globalIdOf(typename, sql`${row}.id`) };
}

export const table = (name: string): Sql => ident(name);

/** The row a foreign key of this row points at: `target.<key> = row.<foreignKey>`. */
export function belongsTo(targetTable: string, foreignKey: string, targetKey = "id"): FieldPlan {
  return {
    kind: "row",
    rows: ({ row }, alias) => ({ from: table(targetTable), where: sql`${column(alias, targetKey)} = ${column(row, foreignKey)}` }),
  };
}

/** Rows of another table whose foreign key points at this row, as a list. */
export function hasMany(targetTable: string, foreignKey: string, order: readonly OrderTerm[], filter?: (context: PlanContext, alias: Sql) => Sql | undefined): FieldPlan {
  return { kind: "list", rows: (context, alias) => children(targetTable, foreignKey, order, context, alias, filter) };
}

/** Rows of another table whose foreign key points at this row, as a connection. */
export function hasManyConnection(targetTable: string, foreignKey: string, order: readonly OrderTerm[]): FieldPlan {
  return { kind: "connection", table: targetTable, rows: (context, alias) => children(targetTable, foreignKey, order, context, alias) };
}

function children(
  targetTable: string,
  foreignKey: string,
  order: readonly OrderTerm[],
  context: PlanContext,
  alias: Sql,
  filter?: (context: PlanContext, alias: Sql) => Sql | undefined,
): RowSource {
  const extra = filter?.(context, alias);
  const link = sql`${column(alias, foreignKey)} = ${context.row}.id`;
  return { from: table(targetTable), where: extra ? sql`${link} AND ${extra}` : link, orderBy: order };
}

/** Order by a column. */
export function by(name: string, direction: "asc" | "desc" = "asc", options: { nullable?: boolean; nulls?: "first" | "last" } = {}): OrderTerm {
  return { expression: (alias) => column(alias, name), direction, ...options };
}

// Connections end every order with the primary key themselves; lists spell out their
// tie-breaker (not every listed row has an `id`).
export const BY_NAME: readonly OrderTerm[] = [by("name")];
export const BY_POSITION: readonly OrderTerm[] = [by("position")];
export const BY_ID: readonly OrderTerm[] = [by("id")];
