import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { BODY_TIMEOUT_MS } from "../../src/limits/use-body-limit.ts";
import { startTestServer, type TestServer } from "../../src/testing/index.ts";

const MAX_IN_FLIGHT = 4;

/** A client that sends its headers and the start of its body, then nothing: what it is answered, if anything. */
function trickler(port: number): { answer: Promise<string>; socket: net.Socket } {
  const socket = net.connect(port, "127.0.0.1");
  socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":"{ __typ`);
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
  const answer = new Promise<string>((resolve) => {
    socket.on("close", () => resolve(received));
    socket.on("error", () => resolve(received));
  });
  return { answer, socket };
}

describe("slow bodies do not starve the server (issue 25, finding 6)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: loadConfig({ SOLEGRAPH_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT), SOLEGRAPH_RESPONSE_CACHE: "off" }) });
  });
  afterAll(() => server?.close());

  it("answers others at once while many clients trickle their bodies, and cuts the tricklers with 408", async () => {
    const trickling = Array.from({ length: MAX_IN_FLIGHT * 4 }, () => trickler(server.port));
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 5; i++) {
      const answer = await server.graphql<{ __typename: string }>("{ __typename }");
      expect(answer.status).toBe(200);
    }
    const started = performance.now();
    const answers = await Promise.all(trickling.map(({ answer }) => answer));
    expect(performance.now() - started).toBeLessThan(BODY_TIMEOUT_MS + 3_000);
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answers[0]).toContain('"code":"REQUEST_TIMEOUT"');
  });
});
