import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, SolegraphError } from "../src/index.ts";

// Every way a request can fail ends in one SolegraphError, told apart by `kind`.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function rejection(promise: Promise<unknown>): Promise<SolegraphError> {
  const error = await promise.then(
    () => expect.fail("expected the request to fail"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SolegraphError);
  return error as SolegraphError;
}

/** A plain HTTP server on a free port answering every request with `body`. */
async function serveStatic(status: number, contentType: string, body: string): Promise<{ url: string; server: Server }> {
  const http = createServer((_request, response) => response.writeHead(status, { "content-type": contentType }).end(body));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`, server: http };
}

describe("GraphQL errors", () => {
  it("an out-of-range argument is a graphql error with the server's code, status and body", async () => {
    const error = await rejection(createClient({ url: server.url }).factories({ first: 1000 }));
    expect(error.kind).toBe("graphql");
    expect(error.code).toBe("BAD_USER_INPUT");
    // Refused before execution, as a request error: 400 for application/graphql-response+json.
    expect(error.status).toBe(400);
    expect(error.message).toContain("`first` on Query.factories must be between 0 and 100");
    expect(error.response?.body).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
  });

  it("a variable the server cannot coerce is BAD_USER_INPUT, as the error's code", async () => {
    // @ts-expect-error -- "USA" is no ISO 3166-1 alpha-2 code: the SDK's types say so first.
    const error = await rejection(createClient({ url: server.url }).factories({ filter: { country: "USA" } }));
    expect(error.kind).toBe("graphql");
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.status).toBe(400);
    expect(error.message).toContain('got invalid value "USA" at "filter.country"');
  });

  it("an invalid document is a graphql error carried by a 4xx response", async () => {
    const error = await rejection(createClient({ url: server.url }).request("{ noSuchField }"));
    expect(error.kind).toBe("graphql");
    expect(error.status).toBe(400);
    expect(error.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("HTTP and network errors", () => {
  it("a path that 404s is an http error", async () => {
    const url = new URL("/no-such-endpoint", server.url).toString();
    const error = await rejection(createClient({ url }).brands());
    expect(error.kind).toBe("http");
    expect(error.status).toBe(404);
    expect(error.errors).toEqual([]);
    expect(error.message).toContain(`HTTP 404`);
  });

  it("a closed port is a network error with the cause attached", async () => {
    const { url, server: http } = await serveStatic(200, "text/plain", "");
    await new Promise<void>((resolve, reject) => http.close((error) => (error ? reject(error) : resolve())));
    const error = await rejection(createClient({ url }).brands());
    expect(error.kind).toBe("network");
    expect(error.status).toBeUndefined();
    expect(error.response).toBeUndefined();
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("a 200 that is not JSON is an invalid-response error keeping the body text", async () => {
    const html = await serveStatic(200, "text/html", "<html>captive portal</html>");
    try {
      const error = await rejection(createClient({ url: html.url }).brands());
      expect(error.kind).toBe("invalid-response");
      expect(error.response).toMatchObject({ status: 200, contentType: "text/html", body: "<html>captive portal</html>" });
    } finally {
      html.server.close();
    }
  });

  it("a 502 with an HTML body is an http error", async () => {
    const proxy = await serveStatic(502, "text/html", "<h1>Bad Gateway</h1>");
    try {
      const error = await rejection(createClient({ url: proxy.url }).brands());
      expect(error).toMatchObject({ kind: "http", status: 502 });
      expect(error.response?.body).toBe("<h1>Bad Gateway</h1>");
    } finally {
      proxy.server.close();
    }
  });
});

describe("SolegraphError.is", () => {
  it("recognises SolegraphErrors by brand, not by class identity", () => {
    const error = new SolegraphError({ kind: "http", message: "HTTP 500" });
    expect(SolegraphError.is(error)).toBe(true);
    // What an error from the other (CJS vs ESM) build looks like: another class, same brand.
    const foreign = Object.assign(new Error("HTTP 500"), { [Symbol.for("@solegraph/sdk/SolegraphError")]: true });
    expect(SolegraphError.is(foreign)).toBe(true);
    expect(SolegraphError.is(new Error("HTTP 500"))).toBe(false);
    expect(SolegraphError.is("HTTP 500")).toBe(false);
  });
});
