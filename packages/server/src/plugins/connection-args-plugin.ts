import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { badUserInput } from "../errors.ts";
import { MAX_PAGE_SIZE } from "./page-size.ts";

/**
 * Checks connection arguments before any resolver runs: `first`/`last` within
 * 0..MAX_PAGE_SIZE, and only the combinations Relay pagination defines. Without it
 * Pothos clamps oversize pages silently. (Undecodable cursors are Pothos' own
 * validation errors, shown to the client by the error masking in http/mask-error.ts.)
 */
export class ConnectionArgsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    const argNames = Object.keys(fieldConfig.args);
    if (!["first", "last", "after", "before"].every((name) => argNames.includes(name))) return resolver;
    return (parent, args, context, info) => {
      checkConnectionArgs(args as ConnectionArgs);
      return resolver(parent, args, context, info);
    };
  }
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

function checkConnectionArgs({ first, last, after, before }: ConnectionArgs): void {
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value !== null && value !== undefined && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badUserInput(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE} (got ${value}).`, { argument: name });
    }
  }
  if (first != null && last != null) throw badUserInput("Pass `first` or `last`, not both.");
  if (after != null && before != null) throw badUserInput("Pass `after` or `before`, not both.");
  if (first != null && before != null) throw badUserInput("`first` pages forwards: combine it with `after`, not `before`.");
  if (last != null && after != null) throw badUserInput("`last` pages backwards: combine it with `before`, not `after`.");
}

const pluginName = "connectionArgs";
declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      connectionArgs: ConnectionArgsPlugin<Types>;
    }
  }
}
SchemaBuilder.registerPlugin(pluginName, ConnectionArgsPlugin);
export default pluginName;
