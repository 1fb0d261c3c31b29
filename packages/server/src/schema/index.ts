import { lexicographicSortSchema, type GraphQLSchema } from "graphql";
import { builder } from "../builder.ts";
// Each module registers its types and fields on the builder.
import "./scalars.ts";
import "./enums.ts";
import "./country.ts";
import "./source.ts";
import "./brand.ts";
import "./process-step.ts";
import "./material.ts";
import "./factory.ts";
import "./sneaker-model.ts";
import "./production.ts";
import "./queries/brands.ts";
import "./queries/models.ts";
import "./queries/factories.ts";
import "./queries/vocabulary.ts";
import "./queries/search.ts";
import "./queries/nodes.ts";
import "./errors.ts";
import "./change.ts";
import "./queries/changes.ts";
import "./mutations/brand.ts";
import "./mutations/sneaker-model.ts";
import "./mutations/factory.ts";
import "./mutations/process-step.ts";
import "./mutations/production.ts";
import "./mutations/source.ts";
import "./mutations/citation.ts";

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
