import { request as httpRequest } from "node:http";
import { TokenScope } from "@solegraph/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../src/testing/index.ts";
import { readEventStream } from "../support/event-stream.ts";

const IMPORT = `mutation ($input: ImportFacilityListInput!) { importFacilityList(input: $input) { __typename } }`;
const BOUNDARY = "----solegraph-fault-boundary";
const MiB = 1024 * 1024;

/** The start of a multipart request: operations, map, and a file part's headers. */
function preamble(map: Record<string, string[]>): string {
  return (
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n` +
    JSON.stringify({ query: IMPORT, variables: { input: { source: "example-list", dryRun: true, file: null } } }) +
    `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="map"\r\n\r\n${JSON.stringify(map)}\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n`
  );
}

/** A chunked multipart body: the preamble, then `fileBytes` of file, then the end (or never, when `endless`). */
function body(map: Record<string, string[]>, fileBytes: number, options: { endless?: boolean } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunk = new Uint8Array(MiB).fill(0x41);
  let sent = 0;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(preamble(map)));
        return;
      }
      if (options.endless) {
        // A sender that never finishes: whatever answers must not wait for it.
        await new Promise((resolve) => setTimeout(resolve, 50));
        controller.enqueue(chunk.subarray(0, 16));
        return;
      }
      if (sent >= fileBytes) {
        controller.enqueue(encoder.encode(`\r\n--${BOUNDARY}--\r\n`));
        controller.close();
        return;
      }
      const size = Math.min(MiB, fileBytes - sent);
      sent += size;
      controller.enqueue(chunk.subarray(0, size));
    },
  });
}

describe("uploads cannot take the server down (issue 25, finding 1)", () => {
  let server: TestServer;
  let curator: { authorization: string };
  let reader: { authorization: string };
  beforeAll(async () => {
    server = await startTestServer();
    curator = await server.createToken("fault-curator", [TokenScope.CURATE]);
    reader = await server.createToken("fault-reader", [TokenScope.ADMIN]);
  });
  afterAll(() => server?.close());

  const send = (stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(server.url, {
      method: "POST",
      body: stream,
      duplex: "half",
      ...(signal && { signal }),
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, accept: "application/graphql-response+json", ...headers },
    } as RequestInit);

  /** Over node:http: the server answers and closes while the client is still sending (fetch reports that as a reset). */
  const sendRaw = (stream: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const outgoing = httpRequest(server.url, { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers } }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        response.on("error", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      outgoing.on("error", reject);
      void (async () => {
        const reader = stream.getReader();
        try {
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
            if (outgoing.destroyed) return;
            if (!outgoing.write(chunk.value)) await new Promise((resolve) => outgoing.once("drain", resolve));
          }
          outgoing.end();
        } catch {
          // the server closed first
        }
      })();
    });

  it("an imported list invalidates cached answers and reaches open change streams (finding 5)", async () => {
    await server.db.prisma.source.create({ data: { slug: "example-fault-upload", kind: "FACILITY_LIST", title: "Example fault upload" } });
    const count = async () => {
      const answer = await fetch(`${server.url}?query=${encodeURIComponent('{ factories(filter: { country: "KH" }) { totalCount } }')}`);
      return ((await answer.json()) as { data: { factories: { totalCount: number } } }).data.factories.totalCount;
    };
    const before = await count();
    expect(await count()).toBe(before); // now cached
    const { authorization } = await server.createToken("fault-upload-watcher", [TokenScope.ADMIN]);
    const stream = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization },
      body: JSON.stringify({ query: "subscription { changes { entityType } }" }),
    });
    // An import's audit record is one per batch, on the list's Source (action IMPORT).
    const events = readEventStream(stream, (received) => received.includes('"entityType":"SOURCE"'), 10_000);
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: IMPORT, variables: { input: { source: "example-fault-upload", file: null } } }));
    form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.set("0", new File(["country,name,address,sector,lat,lng\nKH,Fictional Fault Sewing Unit,9 Example Street Phnom Penh,Footwear,,\n"], "list.csv", { type: "text/csv" }));
    const imported = await fetch(server.url, { method: "POST", body: form, headers: curator });
    expect(await imported.text()).toContain("ImportFacilityListPayload");
    expect(await count()).toBe(before + 1);
    await events.settled;
    expect(events.received()).toContain('"entityType":"SOURCE"');
  });

  it("answers an upload without a token, or with one that may not upload, from its headers: the body is never read", async () => {
    for (const [headers, status, code] of [
      [{}, 401, "UNAUTHENTICATED"],
      [reader, 403, "FORBIDDEN"],
    ] as const) {
      const controller = new AbortController();
      const answer = await send(body({ 0: ["variables.input.file"] }, 0, { endless: true }), headers, controller.signal);
      expect(answer.status).toBe(status);
      expect(await answer.text()).toContain(`"code":"${code}"`);
      controller.abort();
    }
  });

  it("refuses a map that puts one file at many variable paths, before any file byte is read", async () => {
    const paths = Array.from({ length: 1001 }, (_, i) => `variables.input.file${i}`);
    const answer = await send(body({ 0: paths }, 1024), curator);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/at most 1 per file/);
  });

  it("refuses a chunked upload past the limit with 413, memory bounded all along", async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const answer = await sendRaw(body({ 0: ["variables.input.file"] }, 70 * MiB), curator);
    clearInterval(sampler);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('"code":"REQUEST_ENTITY_TOO_LARGE"');
    // The test's own 70 MiB stream is produced chunk by chunk; the server streams the file to disk.
    expect(peak - before).toBeLessThan(64 * MiB);
  });

  it("answers 413 for a chunked query body over its limit, and 400 for variables nested 20,000 deep", async () => {
    const big = await fetch(server.url, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(300 * 1024) } })));
          controller.close();
        },
      }),
      duplex: "half",
      headers: { "content-type": "application/json" },
    } as RequestInit);
    expect(big.status).toBe(413);
    const deep = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"query":"query ($v: String) { __typename }","variables":{"v":${"[".repeat(20_000)}${"]".repeat(20_000)}}}`,
    });
    expect(deep.status).toBe(400);
    expect(await deep.text()).toContain('"code":"VARIABLES_TOO_DEEP"');
  });
});
