import { GraphQLError } from "graphql";
import { buildExecutionContext } from "graphql/execution/execute.js";
import type { Plugin } from "graphql-yoga";
import { isQuery } from "../read/execute.ts";

/**
 * Variables that do not fit their types are the client's mistake: BAD_USER_INPUT and
 * HTTP 400 for the whole request, before any resolver runs (queries get the same from
 * the read planner, read/execute.ts).
 */
export function useVariableErrors(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (isQuery(args)) return;
      const context = buildExecutionContext(args);
      if ("schema" in context) return;
      setResultAndStopExecution({ errors: context.map(badVariable) });
    },
  };
}

export function badVariable(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    originalError: error.originalError ?? null,
    extensions: { ...error.extensions, code: "BAD_USER_INPUT", http: { status: 400, spec: true } },
  });
}
