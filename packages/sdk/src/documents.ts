// `@solegraph/sdk/documents`: the SDK's operations as typed document nodes (parsed
// GraphQL), for clients that take documents: Apollo Client, urql, TanStack Query with
// graphql-request, ... (README: "With a GraphQL client"). Same operations, same types
// as the main entry's string documents.
export * from "./generated/graphql.ts";
