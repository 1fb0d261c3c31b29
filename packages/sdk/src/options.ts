/** Header names and values; names are case-insensitive. */
export type HeaderMap = Readonly<Record<string, string>>;

/**
 * Headers for every request: a fixed object, or a function called before each request
 * (e.g. to read a fresh auth token), which may be async.
 */
export type HeadersOption = HeaderMap | (() => HeaderMap | Promise<HeaderMap>);

/** The part of a `fetch` request the client sets. */
export interface FetchInit {
  readonly method: "POST";
  readonly headers: Record<string, string>;
  /** JSON, or a multipart form when the variables hold files (GraphQL multipart request spec). */
  readonly body: string | FormData;
  readonly signal?: AbortSignal;
}

/** The part of a `fetch` response the client reads. */
export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * A `fetch` implementation. Structural on purpose: the global `fetch` of Node and
 * browsers fits, and so do undici's, ponyfills and test doubles.
 */
export type Fetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. "http://localhost:4000/graphql". */
  readonly url: string;
  /** Defaults to the global `fetch`, looked up at request time. */
  readonly fetch?: Fetch | undefined;
  readonly headers?: HeadersOption | undefined;
  /**
   * How the SDK's own operations travel: "text" (default) sends the document, "hash"
   * sends only its SHA-256 from the persisted-documents manifest — required by a server
   * in trusted-documents mode (SOLEGRAPH_DOCUMENTS=trusted), and smaller on the wire.
   */
  readonly documents?: "text" | "hash" | undefined;
}

/** Per-request options, accepted by every method. */
export interface RequestOptions {
  /** Added to (and overriding) the client's headers for this request. */
  readonly headers?: HeaderMap | undefined;
  /** Aborts the request; the abort reason is thrown as is, not as a SolegraphError. */
  readonly signal?: AbortSignal | undefined;
}
