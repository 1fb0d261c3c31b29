import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * What a production server does not tell strangers (config.ts, NODE_ENV=production,
 * each switch overridable): introspection answers, and "Did you mean ...?" suggestions
 * that let a client discover the schema field by field.
 */
export function useProductionSwitches(options: { introspection: boolean; fieldSuggestions: boolean }): Plugin {
  return {
    onValidate({ addValidationRule }) {
      if (!options.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
      if (options.fieldSuggestions) return;
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(
          result.map((error) =>
            / Did you mean /.test(error.message)
              ? new GraphQLError(error.message.replace(/ Did you mean .*$/, ""), { nodes: error.nodes ?? null, extensions: error.extensions })
              : error,
          ),
        );
      };
    },
  };
}
