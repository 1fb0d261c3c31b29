import { createClient } from "@solegraph/sdk";

/**
 * The page's one way to the graph: the SDK, against the server that served the page
 * (same origin, so no CORS and no request leaves it).
 */
export const sg = createClient({ url: new URL("/graphql", location.href).href });
