import SchemaBuilder, {
  BasePlugin,
  type FieldNullability,
  type InputFieldMap,
  type PothosOutputFieldConfig,
  type SchemaTypes,
  type TypeParam,
} from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import type { Context } from "../context.ts";
import { refusal, type Scope } from "./scopes.ts";

/**
 * `requiresScope: "curate"` on a field: the request's token must have the scope. It is
 * checked before the field's arguments are mapped and validated, so a request that may
 * not write learns nothing about the input it sent. Refusals are errors the errors
 * plugin (listed before this one) turns into result-union members where they fit.
 */
export class RequireScopePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> | undefined {
    const scope = (fieldConfig.pothosOptions as { requiresScope?: Scope }).requiresScope;
    if (!scope || !resolver) return resolver;
    return (parent, args, context, info) => {
      const refused = refusal((context as Context).authentication, scope);
      if (refused) throw refused;
      return resolver(parent, args, context, info);
    };
  }
}

const pluginName = "requireScope";
declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      requireScope: RequireScopePlugin<Types>;
    }
    export interface MutationFieldOptions<
      Types extends SchemaTypes,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveReturnShape,
    > {
      /** The token scope this mutation needs, checked before its input. */
      requiresScope?: Scope;
    }
  }
}
SchemaBuilder.registerPlugin(pluginName, RequireScopePlugin);
export default pluginName;
