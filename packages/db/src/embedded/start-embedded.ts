import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EmbeddedWorkerData } from "./embedded-worker.ts";

/** A running embedded database: where `pg` finds it, and how to stop it. */
export interface EmbeddedDatabase {
  /** `pg` connection settings: the socket folder as host. */
  readonly connection: { readonly host: string; readonly port: number; readonly user: string; readonly database: string };
  /** Writes the database's files to a tarball that `startEmbedded(…, { loadFrom })` starts from. */
  dump(file: string): Promise<void>;
  close(): Promise<void>;
}

const PORT = 5432;

/**
 * Starts PGlite on a worker thread (embedded-worker.ts) and resolves once its socket
 * accepts connections. The socket lives in a fresh private folder (mode 0700) under
 * the system's temporary folder: short enough for a Unix socket path, and reachable by
 * this user only. `dataDir` undefined means in memory.
 */
export async function startEmbedded(dataDir: string | undefined, options: { loadFrom?: string | undefined } = {}): Promise<EmbeddedDatabase> {
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-pg-"));
  const workerData: EmbeddedWorkerData = {
    dataDir,
    loadFrom: options.loadFrom,
    socketPath: path.join(socketDir, `.s.PGSQL.${PORT}`),
    ...(await compiledPglite()),
  };
  // Compiled (dist/, `npm run build`): the worker's JavaScript sits beside this file.
  // From source: worker threads do not inherit tsx's loader, so register it, then load
  // the TypeScript.
  const bootstrap = import.meta.url.endsWith(".js")
    ? `import(${JSON.stringify(new URL("./embedded-worker.js", import.meta.url).href)})`
    : `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL("./embedded-worker.ts", import.meta.url).href)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData });
  const removeSocketDir = () => fs.rmSync(socketDir, { recursive: true, force: true });
  const onExit = (code: number) => startFailed(new Error(`The embedded database thread exited (${code}) while starting.`));
  let startFailed: (error: Error) => void = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      startFailed = reject;
      worker.once("error", reject);
      worker.once("exit", onExit);
      worker.once("message", (message: unknown) => {
        if (message === "ready") resolve();
        else reject(new Error(`The embedded database could not start: ${(message as { error?: string }).error ?? String(message)}`));
      });
    });
  } catch (error) {
    await worker.terminate();
    removeSocketDir();
    throw error;
  } finally {
    worker.off("error", startFailed);
    worker.off("exit", onExit);
  }
  let closing: Promise<void> | undefined;
  return {
    connection: { host: socketDir, port: PORT, user: "postgres", database: "postgres" },
    async dump(file) {
      const dumped = new Promise<void>((resolve) => worker.once("message", () => resolve()));
      worker.postMessage({ dump: file });
      await dumped;
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => {
          worker.once("message", () => resolve());
          worker.once("exit", () => resolve());
        });
        worker.postMessage("close");
        await closed;
        await worker.terminate();
        removeSocketDir();
      })();
      return closing;
    },
  };
}

let compiled: Promise<Pick<EmbeddedWorkerData, "pgliteWasmModule" | "initdbWasmModule">> | undefined;

/**
 * PGlite's WebAssembly (PostgreSQL and initdb), compiled once per process and handed to
 * every embedded database's thread (a compiled module crosses to a worker without being
 * compiled again): each PGlite would otherwise compile its ~10 MB of WebAssembly anew,
 * which tests (a database per file) and the token commands pay for every time.
 */
function compiledPglite(): Promise<Pick<EmbeddedWorkerData, "pgliteWasmModule" | "initdbWasmModule">> {
  compiled ??= (async () => {
    const dist = path.dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite")));
    const compile = async (file: string) => WebAssembly.compile(await fs.promises.readFile(path.join(dist, file)));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([compile("pglite.wasm"), compile("initdb.wasm")]);
    return { pgliteWasmModule, initdbWasmModule };
  })();
  return compiled;
}
