import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.ts";
import type { FieldPlan, TableExtension } from "./plan.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size.ts";
import { columnValue, dateTimeValue, dateValue, globalIdValue } from "./plans.ts";

/**
 * Planned object types: Pothos declares their GraphQL shape, and each field carries
 * the read plan the compiler turns into SQL (plan.ts). A planned row is the JSON the
 * statement built, keyed by response key (aliases included), so a field's value is
 * `row[responseKey]`: what graphql-js reads when it walks planned data (mutation
 * payloads, introspection alongside data). Queries skip that walk entirely.
 */
export type PlannedRow = { readonly [responseKey: string]: unknown };

/** The resolver of every planned field. */
export function readPlanned<T>(row: PlannedRow, _args: unknown, _context: unknown, info: GraphQLResolveInfo): T {
  return row[info.path.key as string] as T;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type ObjectFieldBuilder = PothosSchemaTypes.ObjectFieldBuilder<Types, PlannedRow>;
type OutputType = Parameters<ObjectFieldBuilder["field"]>[0]["type"];
type Args = NonNullable<Parameters<ObjectFieldBuilder["field"]>[0]["args"]>;

interface FieldOptions {
  readonly description?: string;
  readonly nullable?: boolean | { list: boolean; items: boolean };
  readonly args?: Args;
  /** A token scope the field needs ("admin"): checked before any SQL runs (read/scopes.ts). */
  readonly requiresScope?: string;
  readonly deprecationReason?: string;
}

/**
 * The field builder of planned types: every field states its GraphQL type and its plan.
 * `Row` is the Prisma model of the table behind the type, so column names are checked.
 */
export class PlannedFields<Row = never> {
  constructor(readonly t: ObjectFieldBuilder) {}

  /** Any field: its GraphQL type and its plan. */
  field(type: OutputType, plan: FieldPlan, options: FieldOptions = {}) {
    const { requiresScope, ...rest } = options;
    return this.t.field({
      type,
      nullable: false,
      ...rest,
      extensions: { plan, ...(requiresScope && { requiresScope }) },
      resolve: readPlanned,
    } as Parameters<ObjectFieldBuilder["field"]>[0]);
  }

  string(name: ColumnOf<Row, string>, options: FieldOptions = {}) {
    return this.field("String", columnValue(name), options);
  }
  int(name: ColumnOf<Row, number>, options: FieldOptions = {}) {
    return this.field("Int", columnValue(name), options);
  }
  float(name: ColumnOf<Row, number>, options: FieldOptions = {}) {
    return this.field("Float", columnValue(name), options);
  }
  boolean(name: ColumnOf<Row, boolean>, options: FieldOptions = {}) {
    return this.field("Boolean", columnValue(name), options);
  }
  /** A column holding a database enum, under the GraphQL enum of the same values. */
  enum(type: OutputType, name: ColumnOf<Row, string>, options: FieldOptions = {}) {
    return this.field(type, columnValue(name), options);
  }
  dateTime(name: ColumnOf<Row, Date>, options: FieldOptions = {}) {
    return this.field("DateTime", dateTimeValue(name), options);
  }
  date(name: ColumnOf<Row, Date>, options: FieldOptions = {}) {
    return this.field("Date", dateValue(name), options);
  }
  /** The global ID of a node type. */
  globalId(typename: string) {
    return this.field("ID", globalIdValue(typename));
  }

  /** A Relay connection: the page arguments, plus the field's own. */
  connection(type: OutputType, plan: FieldPlan, options: FieldOptions = {}) {
    const t = this.t;
    return this.field(type, plan, {
      ...options,
      args: {
        first: t.arg.int({ description: `The first n items after \`after\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` }),
        after: t.arg.string({ description: "A cursor from this connection: items after it." }),
        last: t.arg.int({ description: `The last n items before \`before\` (at most ${MAX_PAGE_SIZE}).` }),
        before: t.arg.string({ description: "A cursor from this connection: items before it." }),
        ...options.args,
      },
    });
  }
}

/** Column names of a Prisma model whose values are of type V (nullable or not). */
type ColumnOf<Row, V> = [Row] extends [never] ? string : { [K in keyof Row & string]: NonNullable<Row[K]> extends V ? K : never }[keyof Row & string];

export const NodeInterface = builder.interfaceRef<PlannedRow>("Node").implement({
  description: "An object with a global ID: fetch it again with `node(id:)`.",
  // Planned data for graphql-js always carries the concrete type (compile.ts, walk mode).
  resolveType: (row) => row["__typename"] as string,
  fields: (t) => ({ id: t.id({ nullable: false, resolve: readPlanned }) }),
});

export interface PlannedObjectOptions<Row> {
  readonly description: string;
  /** The table behind the type: nodes are found there by id (`node(id:)`). */
  readonly table?: string;
  /** Adds `id: ID!` and the Node interface. */
  readonly node?: boolean;
  readonly fields: (t: PlannedFields<Row>) => Record<string, ReturnType<ObjectFieldBuilder["field"]>>;
}

/** A planned object type's Pothos reference. */
export type PlannedRef = PothosSchemaTypes.ObjectRef<Types, PlannedRow>;

/** Declares a planned object type. `Row` (a Prisma model) types its column fields. */
export function plannedObject<Row = never>(name: string, options: PlannedObjectOptions<Row>): PlannedRef {
  const extensions: Partial<TableExtension> = options.table ? { table: options.table } : {};
  return builder.objectRef<PlannedRow>(name).implement({
    description: options.description,
    extensions,
    ...(options.node && { interfaces: [NodeInterface] }),
    fields: (t) => {
      const fields = new PlannedFields<Row>(t);
      return { ...(options.node && { id: fields.globalId(name) }), ...options.fields(fields) };
    },
  });
}

export const PageInfoRef = builder.objectRef<PlannedRow>("PageInfo").implement({
  description: "Where a page of a connection sits in the whole list.",
  fields: (t) => ({
    hasNextPage: t.boolean({ nullable: false, resolve: readPlanned }),
    hasPreviousPage: t.boolean({ nullable: false, resolve: readPlanned }),
    startCursor: t.string({ nullable: true, resolve: readPlanned }),
    endCursor: t.string({ nullable: true, resolve: readPlanned }),
  }),
});

const connections = new Map<string, PlannedRef>();

/**
 * The connection type of a node type, shared by every field that lists it:
 * `<Type>Connection { edges: [<Type>Edge!]! pageInfo totalCount }`.
 */
export function connectionOf(node: PlannedRef, nodeName: string): PlannedRef {
  const known = connections.get(nodeName);
  if (known) return known;
  const edge = builder.objectRef<PlannedRow>(`${nodeName}Edge`).implement({
    fields: (t) => ({
      cursor: t.string({ nullable: false, resolve: readPlanned }),
      node: t.field({ type: node, nullable: false, resolve: readPlanned }),
    }),
  });
  const connection = builder.objectRef<PlannedRow>(`${nodeName}Connection`).implement({
    description: `A page of ${nodeName} nodes (Relay connection): \`first\`/\`after\` forwards, \`last\`/\`before\` backwards.`,
    fields: (t) => ({
      edges: t.field({ type: [edge], nullable: false, resolve: readPlanned }),
      pageInfo: t.field({ type: PageInfoRef, nullable: false, resolve: readPlanned }),
      totalCount: t.int({ nullable: false, description:
          "All the items, on every page: an exact count, never an estimate. `factories` filtered by a country alone (or a country and a status) " +
          "reads a count per country and status that the database keeps exact, updated by the same transaction as every factory write, so it costs the same for any country. " +
          "Other filters are counted from an index where one serves (a brand's factories from the brand's side), so they cost in proportion to the items counted, not to the registry; " +
          "a count that would read more rows than the server's read limit is refused before it runs (QUERY_READS_TOO_MUCH): narrow the filter or leave `totalCount` out.", resolve: readPlanned }),
    }),
  });
  connections.set(nodeName, connection);
  return connection;
}
