import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@solegraph/db/testing";
import { configVariableNames } from "../../src/config.ts";
import { startMain } from "../support/processes.ts";

const serverDir = fileURLToPath(new URL("../..", import.meta.url));
const embedded = (dataDir: string) => ({ SOLEGRAPH_DATA_DIR: dataDir, DATABASE_URL: "" });

/** Resolves once nothing listens on the URL's port any more. */
async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    return false;
  } catch {
    return true;
  }
}

// The embedded default, as `npm start` runs it on a fresh machine.
describe.runIf(testDatabaseKind === "pglite")("the server process (npm start)", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-main-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("migrates and seeds an empty folder, serves, and on SIGTERM finishes in-flight requests first", async () => {
    const { child, url, output, exited } = await startMain(embedded(dataDir));
    expect(output()).toMatch(/Seeded: loaded the seed dataset/);
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
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The rest of the body, without half-closing: a client that sends FIN before reading
    // the response is answered only if the response is ready first (Node's default).
    socket.write(body.slice(10));
    await answered;
    expect(response).toMatch(/^HTTP\/1.1 200/);
    expect(JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4))).toEqual({ data: { brands: { totalCount: 5 } } });
    // New connections are refused once shutdown began.
    expect(await refused(url)).toBe(true);
    expect(await exited).toBe(0);
    expect(output()).toMatch(/SIGTERM: finishing in-flight requests/);
    // The database was closed cleanly: the lock is gone and the data reopens.
    expect(fs.existsSync(path.join(dataDir, "solegraph.lock"))).toBe(false);

    const again = await startMain(embedded(dataDir));
    expect(again.output()).not.toMatch(/Seeded: loaded the seed dataset/);
    again.child.kill("SIGINT");
    expect(await again.exited).toBe(0);
  });

  it("stops when `npm start` is signalled, as a supervisor or a terminal's Ctrl-C does", async () => {
    // SIGTERM to the npm process: npm passes it on, and the server stops too.
    const first = await startMain(embedded(dataDir), [], { viaNpm: true });
    process.kill(first.child.pid!, "SIGTERM");
    expect(await first.exited).toBe(0);
    expect(await refused(first.url)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "solegraph.lock"))).toBe(false);

    // SIGINT to the whole process group (npm and the server both get it): one graceful stop.
    const second = await startMain(embedded(dataDir), [], { viaNpm: true });
    process.kill(-second.child.pid!, "SIGINT");
    expect(await second.exited).toBe(0);
    expect(await refused(second.url)).toBe(true);
    expect(second.output().match(/SIGINT: finishing in-flight requests/g)).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, "solegraph.lock"))).toBe(false);
  });

  it("explains itself with --help, through npm too, listing every setting", async () => {
    const child = spawn("npm", ["start", "--", "--help"], { cwd: path.join(serverDir, "../..") });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    await new Promise((resolve) => child.once("exit", resolve));
    expect(out).toMatch(/Usage: npm start/);
    for (const variable of configVariableNames()) expect(out).toContain(variable);
    expect(out).toContain("--force-database");
  });
});
