import { getNamedType, GraphQLError, isObjectType, type FieldNode, type GraphQLObjectType } from "graphql";
import { collectSubfields } from "graphql/execution/collectFields.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size.ts";
import type { SelectionCompiler } from "./compile.ts";
import { cursorOf, decodeCursor } from "./cursor.ts";
import { after, orderBy, reversed } from "./order.ts";
import type { FieldPlan, OrderTerm, PlanContext } from "./plan.ts";
import { ident, join, jsonObject, key, raw, sql, type Sql } from "./sql.ts";

type ConnectionPlan = Extract<FieldPlan, { kind: "connection" }>;

/** What counting a connection's rows (`totalCount`) counts for in a query's cost, per parent. */
export const TOTAL_COUNT_COST = 10;

export interface ConnectionInput {
  readonly plan: ConnectionPlan;
  readonly context: PlanContext;
  readonly connectionType: GraphQLObjectType;
  readonly nodes: readonly FieldNode[];
  /** How many parents may have this connection (for the query's cost). */
  readonly instances: number;
  /** e.g. "Brand.models", for messages. */
  readonly coordinate: string;
}

interface PageArgs {
  readonly size: number;
  readonly backward: boolean;
  readonly cursor: number | undefined;
}

/**
 * A Relay connection paged in SQL, per parent row: the page is
 * `ORDER BY <order>, id LIMIT size + 1` after the cursor's row (a keyset condition),
 * so a parent with 10,000 children reads size + 1 of them. The extra row tells
 * whether there is a next page. `last`/`before` read the order backwards and return
 * the edges forwards. `totalCount` is its own count, only when asked (or the rows'
 * maintained count, when their plan has one).
 */
export function compileConnection(compiler: SelectionCompiler, input: ConnectionInput): Sql {
  const { plan, context, connectionType, nodes, instances, coordinate } = input;
  const page = pageArgs(context.args, coordinate);
  const { schema, fragments, variables } = compiler.input;
  const fields = collectSubfields(schema, fragments, variables, connectionType, nodes);

  const alias = compiler.aliases.fresh();
  const rows = plan.rows(context, alias);
  const idTerm: OrderTerm = { expression: (a) => sql`${a}.id`, direction: "asc" };
  const forwardOrder = [...(rows.orderBy ?? []), idTerm];
  const order = page.backward ? reversed(forwardOrder) : forwardOrder;

  // The page's columns: one JSON value per `edges` selection, and the cursor.
  const pageColumns: Sql[] = [];
  const entries: [string, Sql][] = [];
  let needsPage = false;
  let needsCursor = false;
  const page_ = raw("p");
  const inPage = (i: number) => raw(`p.e${i}`);
  const within = sql`FILTER (WHERE ${page_}.rn <= ${page.size}::int)`;

  for (const [responseKey, fieldNodes] of fields) {
    const name = fieldNodes[0]!.name.value;
    if (name === "__typename") {
      entries.push([responseKey, key(connectionType.name)]);
    } else if (name === "totalCount") {
      compiler.count(instances * TOTAL_COUNT_COST);
      const countAlias = compiler.aliases.fresh();
      const countRows = plan.rows(context, countAlias);
      entries.push([
        responseKey,
        countRows.count ?? sql`(SELECT count(*)::int FROM ${countRows.from} AS ${countAlias}${countRows.where ? sql` WHERE ${countRows.where}` : raw("")})`,
      ]);
    } else if (name === "edges") {
      needsPage = true;
      const edgeType = namedObject(connectionType.getFields()["edges"]!.type, coordinate);
      const edge = edgeObject(compiler, edgeType, fieldNodes, alias, instances * page.size);
      pageColumns.push(sql`${edge} AS ${ident(`e${pageColumns.length}`)}`);
      const column = inPage(pageColumns.length - 1);
      entries.push([responseKey, sql`coalesce(json_agg(${column} ORDER BY ${page_}.rn ${raw(page.backward ? "DESC" : "ASC")}) ${within}, '[]'::json)`]);
    } else if (name === "pageInfo") {
      needsPage = true;
      const pageInfoType = namedObject(connectionType.getFields()["pageInfo"]!.type, coordinate);
      const infoFields = collectSubfields(schema, fragments, variables, pageInfoType, fieldNodes);
      const fetched = sql`count(*) > ${page.size}::int`;
      const first = sql`(array_agg(${page_}.c ORDER BY ${page_}.rn ASC) ${within})[1]`;
      const last = sql`(array_agg(${page_}.c ORDER BY ${page_}.rn DESC) ${within})[1]`;
      const info: [string, Sql][] = [];
      for (const [infoKey, infoNodes] of infoFields) {
        switch (infoNodes[0]!.name.value) {
          case "__typename":
            info.push([infoKey, key(pageInfoType.name)]);
            break;
          case "hasNextPage":
            info.push([infoKey, page.backward ? raw(String(page.cursor !== undefined)) : fetched]);
            break;
          case "hasPreviousPage":
            info.push([infoKey, page.backward ? fetched : raw(String(page.cursor !== undefined))]);
            break;
          case "startCursor":
            needsCursor = true;
            info.push([infoKey, page.backward ? last : first]);
            break;
          case "endCursor":
            needsCursor = true;
            info.push([infoKey, page.backward ? first : last]);
            break;
        }
      }
      entries.push([responseKey, jsonObject(info)]);
    }
  }

  const object = jsonObject(entries);
  if (!needsPage) return object;
  // The page and the row that tells whether there is a next one.
  compiler.count(instances * (page.size + 1));

  const keyset = page.cursor === undefined ? undefined : afterCursor(compiler, plan, context, order, alias, page.cursor);
  const conditions = [rows.where, keyset].filter((c): c is Sql => c !== undefined);
  const filter = conditions.length ? sql` WHERE ${join(conditions, " AND ")}` : raw("");
  const limited = sql`(SELECT * FROM ${rows.from} AS ${alias}${filter}${orderBy(order, alias)} LIMIT ${page.size + 1}::int)`;
  const columns = [
    ...pageColumns,
    ...(needsCursor ? [sql`${cursorOf(sql`${alias}.id`)} AS c`] : []),
    sql`row_number() OVER (${orderBy(order, alias, false)}) AS rn`,
  ];
  // GROUP BY (): one row, also when the object reads no aggregate (only constants).
  return sql`(SELECT ${object} FROM (SELECT ${join(columns, ", ")} FROM ${limited} AS ${alias}) AS ${page_} GROUP BY ())`;
}

/** The edge object: its cursor and its node, under the client's keys. */
function edgeObject(compiler: SelectionCompiler, edgeType: GraphQLObjectType, nodes: readonly FieldNode[], alias: Sql, instances: number): Sql {
  const { schema, fragments, variables } = compiler.input;
  const entries: [string, Sql][] = [];
  for (const [responseKey, fieldNodes] of collectSubfields(schema, fragments, variables, edgeType, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name === "__typename") entries.push([responseKey, key(edgeType.name)]);
    else if (name === "cursor") entries.push([responseKey, cursorOf(sql`${alias}.id`)]);
    else if (name === "node") {
      const nodeType = namedObject(edgeType.getFields()["node"]!.type, edgeType.name);
      entries.push([responseKey, compiler.object(nodeType, fieldNodes, alias, {}, instances)]);
    }
  }
  return jsonObject(entries);
}

/**
 * Rows after the cursor's row in this order. The cursor row's order values are read
 * by id (it may no longer match the filters; it still marks a position); a cursor
 * whose row is gone gives an empty page.
 */
function afterCursor(compiler: SelectionCompiler, plan: ConnectionPlan, context: PlanContext, order: readonly OrderTerm[], alias: Sql, id: number): Sql {
  const table = ident(plan.table);
  const cursorValues = order.map((term) => {
    const c = compiler.aliases.fresh();
    return sql`(SELECT ${term.expression(c)} FROM ${table} AS ${c} WHERE ${c}.id = ${id}::int)`;
  });
  const exists = compiler.aliases.fresh();
  return sql`EXISTS (SELECT 1 FROM ${table} AS ${exists} WHERE ${exists}.id = ${id}::int) AND ${after(order, alias, cursorValues)}`;
}

function namedObject(type: Parameters<typeof getNamedType>[0], coordinate: string): GraphQLObjectType {
  const named = getNamedType(type);
  if (!isObjectType(named)) throw new Error(`${coordinate}: connection parts must be object types.`);
  return named;
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Relay's page arguments, checked: sizes within 0..MAX_PAGE_SIZE, combinations Relay defines. */
function pageArgs(args: Readonly<Record<string, unknown>>, coordinate: string): PageArgs {
  const { first, last, after: afterCursorArg, before } = args as ConnectionArgs;
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badPage(`\`${name}\` on ${coordinate} must be between 0 and ${MAX_PAGE_SIZE} (got ${value}).`, name);
    }
  }
  if (first != null && last != null) throw badPage(`Pass \`first\` or \`last\` to ${coordinate}, not both.`);
  if (afterCursorArg != null && before != null) throw badPage(`Pass \`after\` or \`before\` to ${coordinate}, not both.`);
  if (first != null && before != null) throw badPage(`\`first\` pages forwards: combine it with \`after\`, not \`before\` (${coordinate}).`);
  if (last != null && afterCursorArg != null) throw badPage(`\`last\` pages backwards: combine it with \`before\`, not \`after\` (${coordinate}).`);
  const backward = last != null || (first == null && before != null);
  const cursorArg = backward ? before : afterCursorArg;
  return {
    size: first ?? last ?? DEFAULT_PAGE_SIZE,
    backward,
    cursor: cursorArg == null ? undefined : decodeCursor(cursorArg, backward ? "before" : "after", coordinate),
  };
}

function badPage(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(argument && { argument }) } });
}
