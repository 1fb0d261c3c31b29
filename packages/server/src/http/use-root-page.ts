import type { Plugin } from "graphql-yoga";

/**
 * `/` is never a bare 404: a browser is sent on to GraphiQL at /graphql (until the web
 * page of a later issue takes `/`); with GraphiQL off, a short text says where the
 * endpoint is.
 */
export function useRootPage(graphiql: boolean, endpoint = "/graphql"): Plugin {
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== "/" || !["GET", "HEAD"].includes(request.method)) return;
      endResponse(
        graphiql
          ? new fetchAPI.Response(null, { status: 302, headers: { location: endpoint } })
          : new fetchAPI.Response(`solegraph: the GraphQL endpoint is POST ${endpoint}\n`, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } }),
      );
    },
  };
}
