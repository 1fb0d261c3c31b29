import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, SolegraphError, type Fetch, type FetchInit } from "../src/index.ts";

// The options a client takes: an injected fetch, headers (object, function, per
// request) and cancellation. Requests still go to a real server.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** The global fetch, recording what the client asked it to send. */
function recordingFetch(): { fetch: Fetch; sent: FetchInit[] } {
  const sent: FetchInit[] = [];
  return {
    sent,
    fetch: (url, init) => {
      sent.push(init);
      return fetch(url, init);
    },
  };
}

describe("fetch option", () => {
  it("sends a GraphQL-over-HTTP POST through the injected fetch", async () => {
    const { fetch, sent } = recordingFetch();
    const step = await createClient({ url: server.url, fetch }).processStep({ slug: "cutting" });
    expect(step?.name).toBe("Pattern cutting");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe("POST");
    expect(sent[0]?.headers).toMatchObject({
      "content-type": "application/json",
      accept: expect.stringContaining("application/graphql-response+json"),
    });
    expect(JSON.parse(String(sent[0]?.body ?? ""))).toMatchObject({
      operationName: "ProcessStep",
      variables: { slug: "cutting" },
      query: expect.stringContaining("query ProcessStep($slug: String!)"),
    });
  });

  it("uses the global fetch by default, looked up when the request is made", async () => {
    const client = createClient({ url: server.url });
    const original = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = (input, init) => {
      calls += 1;
      return original(input, init);
    };
    try {
      await client.materials({ first: 1 });
    } finally {
      globalThis.fetch = original;
    }
    expect(calls).toBe(1);
  });
});

describe("headers option", () => {
  it("merges client headers (object) and per-request headers, names case-insensitively", async () => {
    const { fetch, sent } = recordingFetch();
    const client = createClient({ url: server.url, fetch, headers: { Authorization: "Bearer a", "X-Trace": "1" } });
    await client.brands({ first: 1 }, { headers: { authorization: "Bearer b" } });
    expect(sent[0]?.headers).toMatchObject({ authorization: "Bearer b", "x-trace": "1" });
    expect(Object.keys(sent[0]?.headers ?? {}).filter((name) => name === "Authorization")).toEqual([]);
  });

  it("calls a headers function (sync or async) before every request", async () => {
    const { fetch, sent } = recordingFetch();
    let token = 0;
    const client = createClient({
      url: server.url,
      fetch,
      headers: async () => ({ authorization: `Bearer ${++token}` }),
    });
    await client.brands({ first: 1 });
    await client.brands({ first: 1 });
    expect(sent.map((init) => init.headers["authorization"])).toEqual(["Bearer 1", "Bearer 2"]);
  });
});

describe("signal option", () => {
  it("an aborted request rejects with the abort reason, not a SolegraphError", async () => {
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    controller.abort(reason);
    const failure = await createClient({ url: server.url })
      .brands({}, { signal: controller.signal })
      .catch((error: unknown) => error);
    expect(failure).toBe(reason);
    expect(SolegraphError.is(failure)).toBe(false);
  });
});
