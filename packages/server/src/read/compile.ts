import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { collectFields, collectSubfields } from "graphql/execution/collectFields.js";
import { compileConnection } from "./connection.ts";
import type { Authentication } from "../auth/authentication.ts";
import type { FieldPlan, PlanContext, RowSource, TableExtension } from "./plan.ts";
import { Aliases, ident, join, jsonObject, key, raw, sql, type Sql } from "./sql.ts";
import { orderBy } from "./order.ts";
import { checkScope } from "./scopes.ts";

export interface CompileInput {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly viewer: Authentication;
  /**
   * The JSON will be walked by graphql-js (mutation payloads, introspection beside
   * data): every object then carries `__typename`, which graphql-js needs to resolve
   * interfaces and unions, and which it leaves out of the response unless selected.
   */
  readonly forGraphqlExecution?: boolean;
}

/**
 * Turns a GraphQL selection into one SQL expression that builds the response as JSON:
 * objects with json_build_object (keys in selection order, under their aliases),
 * relations as correlated subqueries, connections paged per parent in SQL. Everything
 * the selection needs is known here, so every argument is checked before any SQL runs.
 */
export class SelectionCompiler {
  readonly aliases = new Aliases();

  constructor(readonly input: CompileInput) {}

  /**
   * The rows the statement may read, counted while planning: each object a relation can
   * yield counts once per parent that can have it, a page as many rows as its size (the
   * default size when none is asked), a list as its bound (`maxItems`), a total as
   * TOTAL_COUNT_COST. Refused above the limit before any SQL runs (execute.ts).
   */
  cost = 0;

  /** The root fields of a query: the `data` object. */
  root(type: GraphQLObjectType, selectionSet: SelectionSetNode): Sql {
    const { schema, fragments, variables } = this.input;
    const fields = collectFields(schema, fragments, variables, type, selectionSet);
    return this.objectFrom(type, fields, raw("NULL"), {}, 1);
  }

  /** A selection on an object type, read from the row named `row`, of which there may be `instances`. */
  object(type: GraphQLObjectType, fieldNodes: readonly FieldNode[], row: Sql, scope: PlanContext["scope"], instances: number): Sql {
    const { schema, fragments, variables } = this.input;
    const fields = collectSubfields(schema, fragments, variables, type, fieldNodes);
    return this.objectFrom(type, fields, row, scope, instances);
  }

  /** Counts rows the statement may read. */
  count(rows: number): void {
    this.cost += rows;
  }

  private objectFrom(
    type: GraphQLObjectType,
    fields: Map<string, readonly FieldNode[]>,
    row: Sql,
    scope: PlanContext["scope"],
    instances: number,
  ): Sql {
    const entries: [string, Sql][] = [];
    for (const [responseKey, nodes] of fields) {
      const name = nodes[0]!.name.value;
      if (name === "__typename") {
        entries.push([responseKey, key(type.name)]);
        continue;
      }
      const field = type.getFields()[name];
      // Introspection fields beside data are answered by graphql-js (execute.ts).
      if (!field) continue;
      entries.push([responseKey, this.field(type, field, nodes, row, scope, instances)]);
    }
    if (this.input.forGraphqlExecution && !fields.has("__typename")) entries.push(["__typename", key(type.name)]);
    return jsonObject(entries);
  }

  private field(
    parentType: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    nodes: readonly FieldNode[],
    row: Sql,
    scope: PlanContext["scope"],
    instances: number,
  ): Sql {
    const plan = field.extensions["plan"] as FieldPlan | undefined;
    if (!plan) throw new Error(`${parentType.name}.${field.name} has no read plan.`);
    try {
      checkScope(field, this.input.viewer);
      const context: PlanContext = {
        row,
        args: getArgumentValues(field, nodes[0]!, this.input.variables as Record<string, unknown>),
        scope,
        viewer: this.input.viewer,
      };
      return this.fieldPlan(plan, field, parentType, context, nodes, instances);
    } catch (error) {
      // The client's mistake, located at the field that has it.
      if (error instanceof GraphQLError && error.nodes === undefined) {
        throw new GraphQLError(error.message, { nodes: nodes[0] ?? null, extensions: error.extensions, originalError: error.originalError ?? null });
      }
      throw error;
    }
  }

  private fieldPlan(
    plan: FieldPlan,
    field: GraphQLField<unknown, unknown>,
    parentType: GraphQLObjectType,
    context: PlanContext,
    nodes: readonly FieldNode[],
    instances: number,
  ): Sql {
    const { row, scope } = context;
    const coordinate = `${parentType.name}.${field.name}`;
    const target = getNamedType(field.type);
    switch (plan.kind) {
      case "value":
        return plan.value(context);
      case "nested":
        return this.object(objectType(target, coordinate), nodes, row, { ...scope, ...plan.scope?.(context) }, instances);
      case "row": {
        this.count(instances);
        const alias = this.aliases.fresh();
        const rows = plan.rows(context, alias);
        const object = this.object(objectType(target, coordinate), nodes, alias, {}, instances);
        return sql`(SELECT ${object} FROM ${rows.from} AS ${alias}${where(rows)} LIMIT 1)`;
      }
      case "list": {
        const alias = this.aliases.fresh();
        const rows = plan.rows(context, alias);
        const bound = typeof plan.maxItems === "function" ? plan.maxItems(context) : plan.maxItems;
        const items = instances * (bound ?? DEFAULT_LIST_BOUND);
        this.count(items);
        const object = this.object(objectType(target, coordinate), nodes, alias, {}, items);
        return sql`(SELECT coalesce(json_agg(${object}${orderBy(rows.orderBy ?? [], alias, true)}), '[]'::json) FROM ${rows.from} AS ${alias}${where(rows)})`;
      }
      case "connection":
        return compileConnection(this, { plan, context, connectionType: objectType(target, coordinate), nodes, instances, coordinate });
      case "mixed-row": {
        this.count(instances);
        const found = plan.target(context);
        if (!found) return raw("NULL::json");
        const type = this.input.schema.getType(found.typename);
        if (!isObjectType(type) || !this.input.schema.isSubType(abstract(target, coordinate), type)) return raw("NULL::json");
        const alias = this.aliases.fresh();
        const object = this.object(type, nodes, alias, {}, instances);
        return sql`(SELECT ${object} FROM ${ident(tableOf(type))} AS ${alias} WHERE ${alias}.id = ${found.id}::int)`;
      }
      case "one-of": {
        this.count(instances);
        const ids = plan.ids(context);
        const branches = this.input.schema.getPossibleTypes(abstract(target, coordinate)).flatMap((type) => {
          const id = ids[type.name];
          if (!id) return [];
          const alias = this.aliases.fresh();
          const object = this.object(type, nodes, alias, {}, instances);
          return [sql`(SELECT ${object} FROM ${ident(tableOf(type))} AS ${alias} WHERE ${alias}.id = ${id})`];
        });
        return branches.length === 0 ? raw("NULL::json") : sql`coalesce(${join(branches, ", ")})`;
      }
      case "mixed-list": {
        const { hits: hitRows, count } = plan.hits(context);
        const items = instances * count;
        this.count(items);
        const hits = this.aliases.fresh();
        const branches = this.input.schema.getPossibleTypes(abstract(target, coordinate)).flatMap((type) => {
          const table = (type.extensions as Partial<TableExtension>).table;
          if (!table) return [];
          const alias = this.aliases.fresh();
          const object = this.object(type, nodes, alias, {}, items);
          return [sql` WHEN ${key(type.name)} THEN (SELECT ${object} FROM ${ident(table)} AS ${alias} WHERE ${alias}.id = ${hits}.id)`];
        });
        const item = branches.length === 0 ? raw("NULL::json") : sql`CASE ${hits}.typename${join(branches, "")} END`;
        return sql`(SELECT coalesce(json_agg(${item} ORDER BY ${hits}.ord), '[]'::json) FROM ${hitRows} AS ${hits})`;
      }
    }
  }
}

/** What a list counts for in a query's cost when its plan states no bound. */
export const DEFAULT_LIST_BOUND = 10;

function where(rows: RowSource): Sql {
  return rows.where ? sql` WHERE ${rows.where}` : raw("");
}

function objectType(type: unknown, coordinate: string): GraphQLObjectType {
  if (!isObjectType(type)) throw new Error(`${coordinate}: a planned relation must return an object type.`);
  return type;
}

function abstract(type: unknown, coordinate: string) {
  if (!isAbstractType(type)) throw new Error(`${coordinate}: a mixed plan must return an interface or union.`);
  return type;
}

/** The table behind an object type (its `extensions.table`). */
export function tableOf(type: GraphQLObjectType): string {
  const table = (type.extensions as Partial<TableExtension>).table;
  if (!table) throw new GraphQLError(`${type.name} is not a table-backed type.`);
  return table;
}
