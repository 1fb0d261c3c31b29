import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger, type LogLevel } from "../src/observability/logger.ts";
import { createTestApp, type TestApp } from "../src/testing/index.ts";

/** A logger writing JSON lines into an array, as a log collector would read them. */
function capturingLogger(level: LogLevel) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level, pretty: false, destination }), lines };
}

const INFO = 30;
const ERROR = 50;

describe("the request log", () => {
  let graph: TestApp;
  let debugGraph: TestApp;
  let faultyGraph: TestApp;
  const info = capturingLogger("info");
  const debug = capturingLogger("debug");
  const faulty = capturingLogger("info");
  beforeAll(async () => {
    graph = await createTestApp({ logger: info.logger });
    // The same data seen through differently configured apps: one database for the three.
    debugGraph = await createTestApp({ logger: debug.logger, db: graph.db });
    // A fault of ours: the statement runner fails on the way to the database.
    faultyGraph = await createTestApp({
      logger: faulty.logger,
      db: graph.db,
      onStatement: () => {
        throw new Error("connection to the database lost (simulated)");
      },
    });
  });
  afterAll(async () => {
    // The database's owner last.
    await Promise.all([debugGraph?.close(), faultyGraph?.close()]);
    await graph?.close();
  });
  beforeEach(() => {
    for (const capture of [info, debug, faulty]) capture.lines.length = 0;
  });

  const post = (app: TestApp, body: unknown, headers: Record<string, string> = {}) =>
    app.fetch(app.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("writes one line per request with its id, operation, status, duration and cost, and sends the id back", async () => {
    const response = await post(graph, { query: "query TopBrands($n: Int) { brands(first: $n) { edges { node { slug } } } }", variables: { n: 2 } }, { authorization: "Bearer sg_secret_token_never_logged" });
    expect(response.status).toBe(200);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.lines).toHaveLength(1);
    expect(info.lines[0]).toMatchObject({
      level: INFO,
      requestId: id,
      method: "POST",
      path: "/graphql",
      status: 200,
      operationName: "TopBrands",
      operationType: "query",
      cost: expect.any(Number),
      durationMs: expect.any(Number),
    });
    // Never the token, and no variables below debug.
    const written = JSON.stringify(info.lines);
    expect(written).not.toContain("sg_secret_token_never_logged");
    expect(info.lines[0]).not.toHaveProperty("variables");
  });

  it("keeps a caller's plain x-request-id and replaces one that could forge log lines", async () => {
    const kept = await post(graph, { query: "{ __typename }" }, { "x-request-id": "edge-7f3a.42" });
    expect(kept.headers.get("x-request-id")).toBe("edge-7f3a.42");
    expect(info.lines.at(-1)).toMatchObject({ requestId: "edge-7f3a.42" });
    const replaced = await post(graph, { query: "{ __typename }" }, { "x-request-id": 'x" level=50 injected' });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs a client's mistake at info with its code and no stack", async () => {
    const response = await post(graph, { query: '{ brands(after: "R1BDOlM6YWJj") { edges { node { slug } } } }' });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
    expect(info.lines).toHaveLength(1);
    expect(info.lines[0]).toMatchObject({ level: INFO, errorCodes: ["BAD_USER_INPUT"] });
    expect(JSON.stringify(info.lines)).not.toMatch(/stack|at [A-Za-z].*\.ts:\d+/);
  });

  it("logs our fault at error with its stack and the id the client received", async () => {
    const response = await post(faultyGraph, { query: "{ brands { totalCount } }" });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(body)).not.toContain("simulated");
    const id = response.headers.get("x-request-id");
    const errors = faulty.lines.filter((line) => line["level"] === ERROR);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((line) => line["requestId"] === id)).toBe(true);
    const fault = errors.find((line) => line["err"] !== undefined) as { err: { message: string; stack: string } };
    expect(fault.err.message).toContain("connection to the database lost (simulated)");
    expect(fault.err.stack).toMatch(/\.ts:\d+/);
    expect(errors.find((line) => line["status"] !== undefined)).toMatchObject({ errorCodes: ["INTERNAL_SERVER_ERROR"] });
  });

  it("adds the variables at debug", async () => {
    await post(debugGraph, { query: "query One($slug: String!) { brand(slug: $slug) { name } }", variables: { slug: "new-balance" } });
    const line = debug.lines.find((entry) => entry["path"] === "/graphql");
    expect(line).toMatchObject({ operationName: "One", variables: { slug: "new-balance" } });
  });

  it("keeps health checks out of the info log", async () => {
    expect((await graph.fetch("http://localhost/health")).status).toBe(200);
    expect(info.lines).toHaveLength(0);
    // At debug they are there.
    await debugGraph.fetch("http://localhost/health");
    expect(debug.lines.filter((line) => line["path"] === "/health")).toEqual([expect.objectContaining({ level: 20, status: 200 })]);
  });
});
