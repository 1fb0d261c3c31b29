import { GraphQLError, isObjectType, type GraphQLResolveInfo } from "graphql";
import type { Prisma } from "@solegraph/db";
import type { Context } from "../context.ts";
import { SelectionCompiler } from "./compile.ts";
import { tooCostly } from "./limit-errors.ts";
import type { PlannedRow } from "./planned-types.ts";
import { ident, sql, type Sql } from "./sql.ts";

/**
 * A mutation's payload, planned before the mutation writes anything: the selection
 * is compiled (and every argument in it checked) first, so a payload the request
 * cannot have refuses the request with nothing written. After the write, `load`
 * reads the payload in the write's own transaction, through the same planner as
 * every query.
 */
export interface PlannedPayload {
  /** The payload over the row `id` of `table`, or over no row (payloads of scope only). */
  load(tx: Prisma.TransactionClient, table?: string, id?: number): Promise<PlannedRow>;
}

export function planPayload(
  info: GraphQLResolveInfo,
  context: Context,
  payloadTypeName: string,
  scope: Readonly<Record<string, unknown>> = {},
): PlannedPayload {
  const viewer = context.authentication;
  const { maxCost } = context.limits;
  const payloadType = info.schema.getType(payloadTypeName);
  if (!isObjectType(payloadType)) throw new Error(`No payload type ${payloadTypeName}.`);
  const compiler = new SelectionCompiler({
    schema: info.schema,
    fragments: info.fragments,
    variables: info.variableValues,
    viewer,
    forGraphqlExecution: true,
  });
  const alias = compiler.aliases.fresh();
  const object = compiler.object(payloadType, info.fieldNodes, alias, scope, 1);
  context.trace.cost = (context.trace.cost ?? 0) + compiler.cost;
  if (compiler.cost > maxCost) throw tooCostly(compiler.cost, maxCost);
  return {
    async load(tx, table, id) {
      const statement: Sql =
        table === undefined
          ? sql`SELECT ${object}::text AS json`
          : sql`SELECT ${object}::text AS json FROM ${ident(table)} AS ${alias} WHERE ${alias}.id = ${id}::int`;
      const rows = await tx.$queryRawUnsafe<{ json: string }[]>(statement.text, ...statement.values);
      if (!rows[0]) throw new GraphQLError(`The written ${table} could not be read back.`);
      return JSON.parse(rows[0].json) as PlannedRow;
    },
  };
}
