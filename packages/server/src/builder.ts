import SchemaBuilder from "@pothos/core";
import { isObjectType, type GraphQLSchema } from "graphql";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ZodPlugin from "@pothos/plugin-zod";
import type PrismaTypes from "./generated/pothos-prisma-types.ts";
import { getDatamodel } from "./generated/pothos-prisma-types.ts";
import { authScopes, unauthorizedError, type AuthScopes } from "./auth/scopes.ts";
import type { AuthenticatedContext, Context } from "./context.ts";
import { decodeGlobalID, encodeGlobalID } from "./global-id.ts";
import ConnectionArgsPlugin from "./plugins/connection-args-plugin.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./plugins/page-size.ts";
import { validationErrorFromZod } from "./validation/zod-issues.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  AuthContexts: { curate: AuthenticatedContext; admin: AuthenticatedContext };
  PrismaTypes: PrismaTypes;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    CountryCode: { Input: string; Output: string };
    URL: { Input: URL; Output: string };
  };
}>({
  // Resolvers are wrapped outermost-first: the errors plugin turns what the others
  // throw into result unions; scope-auth checks the token before zod validates the
  // input, so an unauthenticated request learns nothing about what it sent.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ZodPlugin, ConnectionArgsPlugin, RelayPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes,
    unauthorizedError: (_parent, context, _info, result) => unauthorizedError(context, result.failure),
  },
  zod: { validationError: validationErrorFromZod },
  relay: {
    cursorType: "String",
    clientMutationId: "omit",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID,
    decodeGlobalID,
    // IDs of types that are not nodes (malformed IDs decode to such a type) are not found.
    nodeQueryOptions: {
      resolve: (_root, { id }, _context, info, resolveNode) => (isNodeType(info.schema, id.typename) ? resolveNode(id) : null),
    },
    nodesQueryOptions: {
      resolve: (_root, args, _context, info, resolveNodes) => {
        // plugin-relay 4.8 resolves `args.ids` whatever ids its callback is given, and
        // resolves null entries to null: so the unknown ones are nulled in place.
        const ids: (typeof args.ids)[number][] | (null | (typeof args.ids)[number])[] = args.ids;
        ids.forEach((id, i) => {
          if (id && !isNodeType(info.schema, id.typename)) ids[i] = null;
        });
        return resolveNodes(args.ids);
      },
    },
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
    onUnusedQuery: null,
  },
});

builder.queryType({});
builder.mutationType({
  description:
    "Curators' writes. Each needs `Authorization: Bearer <token>` with the `curate` scope (`npm run token:create`). " +
    "Without a valid token a mutation fails as a whole: a top-level error with extensions.code UNAUTHENTICATED and " +
    "HTTP 401. Everything else (a token without the scope included) comes back in the mutation's result union; " +
    "a result other than the payload means nothing was written. Every write is recorded in `changes`.",
});

function isNodeType(schema: GraphQLSchema, typename: string): boolean {
  const type = schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node");
}
