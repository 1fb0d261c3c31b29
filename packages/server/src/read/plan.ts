import type { Authentication } from "../auth/authentication.ts";
import type { Sql } from "./sql.ts";

/**
 * How a GraphQL field is read from the database: each field of a planned type carries
 * one of these in its `extensions.plan` (see planned-fields.ts). The compiler
 * (compile.ts) walks an operation's selection and turns the plans it meets into one
 * SQL statement that returns the response as JSON.
 *
 * Plans are written in terms of the current row: `context.row` is the SQL alias of the
 * row the field belongs to (a brand, a model, ...), `context.args` the field's
 * arguments, already coerced by GraphQL.
 */
export interface PlanContext {
  /** Alias of the row this field is read from. */
  readonly row: Sql;
  /** The field's arguments, coerced. */
  readonly args: Readonly<Record<string, unknown>>;
  /** Values a parent passed to the fields of a computed object (see `nested`). */
  readonly scope: Readonly<Record<string, unknown>>;
  /** Who asks (fields that need a scope say so in `extensions.requiresScope`). */
  readonly viewer: Authentication;
}

/** A set of rows of the field's object type: FROM <from> AS <alias> WHERE <where>. */
export interface RowSource {
  /** A table name or a parenthesized subquery. */
  readonly from: Sql;
  /** Conditions on the rows; may refer to `alias` and to the parent row. */
  readonly where?: Sql | undefined;
  /** Order of lists and pages; connections end it with the primary key themselves. */
  readonly orderBy?: readonly OrderTerm[] | undefined;
  /**
   * The exact number of these rows from a count the database maintains, when one
   * answers this filter (a scalar subquery): a connection's `totalCount` then reads it
   * instead of counting the rows.
   */
  readonly count?: Sql | undefined;
}

export interface OrderTerm {
  readonly expression: (alias: Sql) => Sql;
  readonly direction: "asc" | "desc";
  /** Where NULLs go; PostgreSQL's default (last ascending, first descending) when absent. */
  readonly nulls?: "first" | "last" | undefined;
  /** Whether the expression can be NULL: pagination then places NULLs explicitly. */
  readonly nullable?: boolean | undefined;
}

export type FieldPlan =
  /** A JSON value computed from the row: a column, an expression, a list of scalars. */
  | { readonly kind: "value"; readonly value: (context: PlanContext) => Sql }
  /** One row of the field's object type, or null. */
  | { readonly kind: "row"; readonly rows: (context: PlanContext, alias: Sql) => RowSource }
  /**
   * Rows of the field's object type, as a list; `maxItems` is what it counts for in a
   * query's cost (default 10), or how to tell it from the field's arguments.
   */
  | {
      readonly kind: "list";
      readonly rows: (context: PlanContext, alias: Sql) => RowSource;
      readonly maxItems?: number | ((context: PlanContext) => number);
    }
  /** Rows of the field's node type, as a Relay connection paged in SQL. */
  | {
      readonly kind: "connection";
      /** The table: cursors name rows by its integer `id`. */
      readonly table: string;
      readonly rows: (context: PlanContext, alias: Sql) => RowSource;
    }
  /** An object computed from the same row (a verdict, a summary); `scope` passes values to its fields. */
  | { readonly kind: "nested"; readonly scope?: (context: PlanContext) => Record<string, unknown> }
  /**
   * Rows of several types, by type name and id, in order: each item is its type's object,
   * or null where the row does not exist. `hits` is a subquery with the columns
   * (typename text, id int, ord int), and at most `count` rows.
   */
  | { readonly kind: "mixed-list"; readonly hits: (context: PlanContext) => { readonly hits: Sql; readonly count: number } }
  /** One row of a type named at plan time (`node(id:)`), or null. */
  | { readonly kind: "mixed-row"; readonly target: (context: PlanContext) => { typename: string; id: number } | null }
  /**
   * One row of one of several types, decided by the data (a claim's subject): for each
   * possible type, the SQL id of its row or NULL; the first type with an id is the row's.
   */
  | { readonly kind: "one-of"; readonly ids: (context: PlanContext) => Readonly<Record<string, Sql>> };

/** Object types that are tables carry this in `extensions.table`: where `node(id:)` finds them. */
export interface TableExtension {
  readonly table: string;
}
