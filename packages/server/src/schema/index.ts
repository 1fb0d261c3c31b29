import { lexicographicSortSchema, type GraphQLSchema } from "graphql";
import { builder } from "../builder.ts";
// Each module registers its types and fields on the builder.
import "./scalars.ts";
import "./enums.ts";
import "../curation/error-types.ts";
import "../entities/index.ts";
import "../curation/citations.ts";
import "./queries/search.ts";
import "./queries/nodes.ts";

let schema: GraphQLSchema | undefined;

/** The solegraph schema; built once per process. */
export function getSchema(): GraphQLSchema {
  schema ??= builder.toSchema();
  return schema;
}

/** The schema as printed to schema.graphql: sorted, so diffs show real changes only. */
export function getPrintableSchema(): GraphQLSchema {
  return lexicographicSortSchema(getSchema());
}
