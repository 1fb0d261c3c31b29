export { createClient, type RequestMethod, type SolegraphClient } from "./client.ts";
export {
  SolegraphError,
  type SolegraphErrorDetails,
  type SolegraphErrorKind,
  type SolegraphErrorResponse,
} from "./error.ts";
export type { ClientOptions, Fetch, FetchInit, FetchResponse, HeaderMap, HeadersOption, RequestOptions } from "./options.ts";
export type { OperationMethods, OperationName, PayloadOf, VariablesFor } from "./operations.ts";
export type { NodeOf, PaginatedOperationName, PaginateOptions, PaginateVariables, Paginators } from "./paginate.ts";
// The typed documents, fragments and operation types, usable with any GraphQL client.
export * from "./generated/graphql.ts";
