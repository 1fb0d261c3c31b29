import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.ts";
import { executeQuery, isQuery, type QueryLimits } from "./execute.ts";
import type { StatementRunner } from "./statements.ts";

/**
 * Routes every query operation through the read planner (execute.ts) instead of
 * field-by-field execution. Mutations and subscriptions execute normally; their
 * payloads are read through the same planner (read/load.ts).
 */
export function useReadPlanner(statements: StatementRunner, limits: QueryLimits): Plugin<Context> {
  return {
    onExecute({ args, setExecuteFn }) {
      if (!isQuery(args)) return;
      setExecuteFn((executionArgs) => {
        const context = executionArgs.contextValue as Context;
        return executeQuery(executionArgs, context.authentication, statements, limits, (cost) => (context.trace.cost = cost));
      });
    },
  };
}
