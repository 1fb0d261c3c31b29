import type { GraphQLFormattedError } from "graphql";
import { SolegraphError, type SolegraphErrorResponse } from "./error.ts";
import type { ClientOptions, Fetch, FetchInit, FetchResponse, HeaderMap, RequestOptions } from "./options.ts";

export interface GraphQLRequest {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
  readonly operationName?: string | undefined;
  /** The document's SHA-256 (hex) in the server's trusted documents, when it is one of the SDK's. */
  readonly hash?: string | undefined;
}

/** Sends one GraphQL request and resolves to its `data`, or throws a SolegraphError. */
export type Transport = (request: GraphQLRequest, options?: RequestOptions) => Promise<unknown>;

// GraphQL over HTTP: ask for the spec's media type first (its status codes tell request
// errors apart), and still accept plain JSON from servers that predate it.
const BASE_HEADERS: HeaderMap = {
  "content-type": "application/json",
  accept: "application/graphql-response+json, application/json;q=0.9",
};

/**
 * GraphQL over HTTP POST with `fetch`. With `documents: "hash"`, the SDK's own
 * documents go as their hash alone (the persisted-query extension), which a server in
 * trusted-documents mode requires; other documents go as text.
 */
export function createHttpTransport({ url, fetch, headers, documents = "text" }: ClientOptions): Transport {
  return async (request, options = {}) => {
    const { query, variables, operationName, hash } = request;
    const payload: GraphQLPayload =
      documents === "hash" && hash !== undefined
        ? { variables, operationName, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
        : { query, variables, operationName };
    const upload = multipartBody(payload);
    const merged = mergeHeaders(BASE_HEADERS, typeof headers === "function" ? await headers() : headers, options.headers);
    // A form sets its own content type (with the boundary): fetch writes it.
    if (upload) delete merged["content-type"];
    const init: FetchInit = {
      method: "POST",
      headers: merged,
      body: upload ?? JSON.stringify(payload),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    const { response, text } = await exchange(fetch ?? globalFetch(), url, init, options.signal);
    return dataOf(url, response, text);
  };
}

/** What goes over the wire: the document's text, or only its hash (trusted documents). */
interface GraphQLPayload {
  readonly query?: string;
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
  readonly operationName?: string | undefined;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * The GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec)
 * when the variables hold files (Blob, File): `operations` with each file as null,
 * `map` from part names to where they go, and the files. Undefined without files.
 */
function multipartBody(request: GraphQLPayload): FormData | undefined {
  const files: { path: string; blob: Blob }[] = [];
  const strip = (value: unknown, path: string): unknown => {
    if (typeof Blob !== "undefined" && value instanceof Blob) {
      files.push({ path, blob: value });
      return null;
    }
    if (Array.isArray(value)) return value.map((item, index) => strip(item, `${path}.${index}`));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, strip(item, `${path}.${key}`)]));
    }
    return value;
  };
  const variables = request.variables && strip(request.variables, "variables");
  if (files.length === 0) return undefined;
  const form = new FormData();
  form.set("operations", JSON.stringify({ ...request, variables }));
  form.set("map", JSON.stringify(Object.fromEntries(files.map((file, index) => [String(index), [file.path]]))));
  files.forEach((file, index) => form.set(String(index), file.blob, typeof File !== "undefined" && file.blob instanceof File ? file.blob.name : "upload"));
  return form;
}

// Looked up per request so a fetch polyfilled after createClient() still counts, and
// wrapped so browsers never see it called with a foreign `this` ("Illegal invocation").
function globalFetch(): Fetch {
  if (typeof globalThis.fetch !== "function") {
    throw new TypeError("@solegraph/sdk: no global fetch in this runtime; pass `fetch` to createClient().");
  }
  return (url, init) => globalThis.fetch(url, init);
}

async function exchange(fetch: Fetch, url: string, init: FetchInit, signal: AbortSignal | undefined) {
  try {
    const response = await fetch(url, init);
    // Read inside the try: the connection can also fail while the body streams in.
    return { response, text: await response.text() };
  } catch (cause) {
    // Cancellation is the caller's own decision, not a failure of the server.
    if (signal?.aborted) throw cause;
    throw new SolegraphError({
      kind: "network",
      message: `Network error: could not reach ${url}: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    });
  }
}

interface GraphQLResponseBody {
  readonly data?: unknown;
  readonly errors?: readonly GraphQLFormattedError[];
}

function dataOf(url: string, response: FetchResponse, text: string): unknown {
  const json = parseJson(text);
  const received: SolegraphErrorResponse = {
    status: response.status,
    statusText: response.statusText,
    contentType: response.headers.get("content-type"),
    body: json === undefined ? text : json.value,
  };
  const body = json !== undefined && isGraphQLResponseBody(json.value) ? json.value : undefined;
  // GraphQL errors first: with application/graphql-response+json, a request the server
  // rejects (invalid query, bad variables) comes as a 4xx that carries them.
  if (body?.errors?.length) {
    throw new SolegraphError({
      kind: "graphql",
      message: body.errors.map(describeGraphQLError).join("; "),
      errors: body.errors,
      response: received,
      data: body.data ?? undefined,
    });
  }
  if (!response.ok) {
    throw new SolegraphError({
      kind: "http",
      message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""} from ${url}`,
      response: received,
    });
  }
  if (body?.data == null) {
    throw new SolegraphError({
      kind: "invalid-response",
      message: `Not a GraphQL response from ${url} (HTTP ${response.status}, ${received.contentType ?? "no content type"})`,
      response: received,
    });
  }
  return body.data;
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function isGraphQLResponseBody(value: unknown): value is GraphQLResponseBody {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (!("data" in value) && !("errors" in value)) return false;
  const errors: unknown = "errors" in value ? value.errors : undefined;
  return (
    errors === undefined ||
    (Array.isArray(errors) &&
      errors.every((error: unknown) => typeof error === "object" && error !== null && "message" in error && typeof error.message === "string"))
  );
}

function describeGraphQLError(error: GraphQLFormattedError): string {
  const code = error.extensions?.["code"];
  return typeof code === "string" ? `${error.message} (${code})` : error.message;
}

/** Later maps win; names are lower-cased so "Authorization" and "authorization" do not both go out. */
function mergeHeaders(...maps: readonly (HeaderMap | undefined)[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map ?? {})) merged[name.toLowerCase()] = value;
  }
  return merged;
}
