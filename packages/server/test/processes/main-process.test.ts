import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@solegraph/db/testing";

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

/** Starts `src/main.ts` (what `npm start` runs) and resolves once it prints its URL. */
function startMain(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL endpoint: (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`main exited with ${code}:\n${output}`)));
  });
}

// The embedded default, as `npm start` runs it on a fresh machine.
describe.runIf(testDatabaseKind === "pglite")("the server process (npm start)", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-main-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("migrates and seeds an empty folder, serves, and on SIGTERM finishes in-flight requests first", async () => {
    const { child, url, output } = await startMain({ SOLEGRAPH_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "" });
    expect(output()).toMatch(/Loaded the seed dataset/);
    expect(fs.existsSync(path.join(dataDir, "solegraph.lock"))).toBe(true);

    // A request in flight when the signal arrives: its headers and half its body are
    // sent before SIGTERM, the rest after. It must still be answered.
    const body = JSON.stringify({ query: `{ brands(first: 10) { totalCount } }` });
    const { port } = new URL(url);
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    let response = "";
    socket.on("data", (chunk: Buffer) => (response += chunk.toString()));
    const answered = new Promise((resolve) => socket.once("end", resolve));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The rest of the body, without half-closing: a client that sends FIN before reading
    // the response is answered only if the response is ready first (Node's default).
    socket.write(body.slice(10));
    await answered;
    expect(response).toMatch(/^HTTP\/1.1 200/);
    expect(JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4))).toEqual({ data: { brands: { totalCount: 5 } } });
    // New connections are refused once shutdown began.
    await expect(fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).rejects.toThrow();
    expect(await exited).toBe(0);
    expect(output()).toMatch(/SIGTERM: finishing in-flight requests/);
    // The database was closed cleanly: the lock is gone and the data reopens.
    expect(fs.existsSync(path.join(dataDir, "solegraph.lock"))).toBe(false);

    const again = await startMain({ SOLEGRAPH_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "" });
    expect(again.output()).not.toMatch(/Loaded the seed dataset/);
    const stopped = new Promise((resolve) => again.child.once("exit", resolve));
    again.child.kill("SIGINT");
    expect(await stopped).toBe(0);
  });

  it("explains itself with --help", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--help"], { cwd: serverDir });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    await new Promise((resolve) => child.once("exit", resolve));
    expect(out).toMatch(/Usage: npm start/);
    expect(out).toMatch(/DATABASE_URL/);
  });
});
