import { createClient } from "@solegraph/sdk";

/**
 * The page's one way to the graph: the SDK, against the server that served the page
 * (same origin, so no CORS and no request leaves it). Its documents go as their hash
 * only (trusted documents): the page runs on a server in `SOLEGRAPH_DOCUMENTS=trusted`
 * mode as well as in the default open one.
 */
export const sg = createClient({ url: new URL("/graphql", location.href).href, documents: "hash" });
