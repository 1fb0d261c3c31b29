import {
  execute,
  getOperationAST,
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type OperationDefinitionNode,
} from "graphql";
import { buildExecutionContext } from "graphql/execution/execute.js";
import type { Authentication } from "../auth/authentication.ts";
import { SelectionCompiler } from "./compile.ts";
import { readsTooMuch, tooCostly } from "./limit-errors.ts";
import type { RowsReadEstimator } from "../limits/rows-read-estimate.ts";
import { sql } from "./sql.ts";
import type { StatementRunner } from "./statements.ts";

/** What a query may cost: rows counted while planning, and rows PostgreSQL's planner expects it to read. */
export interface QueryLimits {
  readonly maxCost: number;
  readonly maxRowsRead: number;
  /** Absent: no estimate is asked for (the planner's count alone). */
  readonly estimator?: RowsReadEstimator | undefined;
}

/**
 * Executes a query operation as one SQL statement: the compiler plans every root field
 * into one SELECT that builds the whole `data` object as JSON text, PostgreSQL runs it,
 * and the text goes to the client as it came (see `textResult`). Nothing is resolved
 * field by field. Queries that also ask for introspection (`__schema`, `__type`) get
 * their data planned the same way, then graphql-js answers the whole selection from it.
 */
export async function executeQuery(
  args: ExecutionArgs,
  viewer: Authentication,
  statements: StatementRunner,
  limits: QueryLimits,
  onCost?: (cost: number) => void,
): Promise<ExecutionResult> {
  const context = buildExecutionContext(args);
  // Variables that do not fit their types: the client's mistake, refused as a whole.
  if (!("schema" in context)) return { errors: context.map((error) => requestError(error, "BAD_USER_INPUT")) };
  const { operation, fragments, variableValues } = context;
  const queryType = args.schema.getQueryType()!;
  const introspection = hasIntrospection(operation);
  let text;
  try {
    const compiler = new SelectionCompiler({ schema: args.schema, fragments, variables: variableValues, viewer, forGraphqlExecution: introspection });
    const statement = sql`SELECT ${compiler.root(queryType, operation.selectionSet)}::text AS json`;
    onCost?.(compiler.cost);
    if (compiler.cost > limits.maxCost) throw tooCostly(compiler.cost, limits.maxCost);
    if (limits.estimator) {
      const rowsRead = await limits.estimator.rowsRead(statement);
      if (rowsRead > limits.maxRowsRead) throw readsTooMuch(rowsRead, limits.maxRowsRead);
    }
    text = await statements.json(statement);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [requestError(error)] };
    throw error;
  }
  if (introspection) return execute({ ...args, rootValue: JSON.parse(text) });
  return textResult(text);
}

/**
 * A mistake found while planning refuses the whole request, as validation does: no
 * data, and HTTP 400 for clients that accept application/graphql-response+json
 * (`spec`: 200 stays for plain application/json, as GraphQL over HTTP says).
 */
function requestError(error: GraphQLError, code?: string): GraphQLError {
  if (error.extensions["http"]) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    originalError: error.originalError ?? null,
    extensions: { ...(code && { code }), ...error.extensions, http: { status: 400, spec: true } },
  });
}

export function isQuery(args: Pick<ExecutionArgs, "document" | "operationName">): boolean {
  return getOperationAST(args.document, args.operationName)?.operation === "query";
}

function hasIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (selection) => selection.kind !== "Field" || (selection.name.value.startsWith("__") && selection.name.value !== "__typename"),
  );
}

/**
 * An execution result whose `data` is JSON text from the database. Yoga serializes a
 * result with its `stringify` when it has one: the text is sent without being parsed
 * and serialized again. `data` is parsed only if a plugin reads it, and re-serialized
 * only if a plugin replaces it (the response cache strips its metadata fields).
 */
export function textResult(dataText: string): ExecutionResult & { stringify(result: ExecutionResult): string } {
  let data: ExecutionResult["data"];
  let text: string | undefined = dataText;
  const result: ExecutionResult & { stringify(result: ExecutionResult): string } = {
    get data() {
      data ??= JSON.parse(dataText) as Record<string, unknown>;
      return data;
    },
    set data(replaced) {
      data = replaced;
      text = undefined;
    },
    stringify(serialized: ExecutionResult): string {
      // Plugins may have added errors or extensions: then serialize the whole.
      if (serialized === result && text !== undefined && !serialized.errors && !serialized.extensions) return `{"data":${text}}`;
      return JSON.stringify(serialized);
    },
  };
  return result;
}
