import { SolegraphError } from "@solegraph/sdk";

export function Loading({ what }: { readonly what: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** A failed request in plain words; the SDK's error says which kind of failure it was. */
export function Failed({ error }: { readonly error: unknown }) {
  const message = SolegraphError.is(error)
    ? error.kind === "network"
      ? "The server could not be reached. Check your connection and reload the page."
      : `The server refused the request: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div class="error" role="alert">
      <p>Something went wrong.</p>
      <p>{message}</p>
    </div>
  );
}

/** An address that names nothing in the graph. */
export function NotInGraph({ what }: { readonly what: string }) {
  return (
    <>
      <h1 tabIndex={-1}>Not found</h1>
      <p>The graph has no {what}. Try the search above.</p>
    </>
  );
}
