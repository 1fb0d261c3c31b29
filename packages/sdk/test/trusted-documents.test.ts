import { createHash } from "node:crypto";
import { loadConfig } from "@solegraph/server/config";
import { startTestServer, type TestServer } from "@solegraph/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import manifest from "../src/generated/trusted/persisted-documents.json" with { type: "json" };
import { createClient, SolegraphError, type Fetch } from "../src/index.ts";

/** A fetch that records each request body, as the server receives it. */
function recordingFetch(bodies: string[]): Fetch {
  return async (url, init) => {
    if (typeof init.body === "string") bodies.push(init.body);
    return fetch(url, init);
  };
}

async function failure(promise: Promise<unknown>): Promise<SolegraphError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!SolegraphError.is(error)) throw new Error(`expected a SolegraphError, got ${String(error)}`);
  return error;
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] },
  }));

describe("trusted documents", () => {
  let trusted: TestServer;
  let open: TestServer;
  beforeAll(async () => {
    // One database behind both servers: they differ only in what documents they run.
    open = await startTestServer();
    trusted = await startTestServer({ config: loadConfig({ SOLEGRAPH_DOCUMENTS: "trusted" }), db: open.db });
  });
  afterAll(async () => {
    // The database's owner last.
    await trusted?.close();
    await open?.close();
  });

  it("codegen's manifest holds every SDK operation, keyed by the SHA-256 of its text", () => {
    const entries = Object.entries(manifest as Record<string, string>);
    expect(entries.length).toBeGreaterThan(30);
    for (const [key, document] of entries) expect(key).toBe(`sha256:${createHash("sha256").update(document).digest("hex")}`);
  });

  it("a trusted server answers the SDK sending hashes only", async () => {
    const bodies: string[] = [];
    const sg = createClient({ url: trusted.url, documents: "hash", fetch: recordingFetch(bodies) });
    const model = await sg.model({ slug: "990v5" });
    expect(model?.madeInUsa.status).toBe("YES");
    const sent = JSON.parse(bodies[0]!) as Record<string, unknown>;
    expect(sent["query"]).toBeUndefined();
    expect(sent).toMatchObject({ operationName: "Model", extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
  });

  it("a trusted server refuses query text and unknown hashes, with their codes", async () => {
    const textClient = createClient({ url: trusted.url });
    expect((await failure(textClient.model({ slug: "990v5" }))).code).toBe("PERSISTED_QUERY_ONLY");
    const unknown = await post(trusted.url, { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });

  it("an open server takes text, the SDK's hashes, and registers other clients' (automatic persisted queries)", async () => {
    expect((await createClient({ url: open.url }).model({ slug: "990" }))?.name).toBe("990");
    expect((await createClient({ url: open.url, documents: "hash" }).model({ slug: "990" }))?.name).toBe("990");
    const query = "{ brands(first: 1) { totalCount } }";
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const persistedQuery = { version: 1, sha256Hash };
    const first = await post(open.url, { extensions: { persistedQuery } });
    expect(first.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(open.url, { query, extensions: { persistedQuery } })).body.data).toEqual({ brands: { totalCount: expect.any(Number) } });
    expect((await post(open.url, { extensions: { persistedQuery } })).body.data).toEqual({ brands: { totalCount: expect.any(Number) } });
  });
});
