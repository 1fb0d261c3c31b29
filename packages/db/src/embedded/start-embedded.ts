import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EmbeddedWorkerData, EmbeddedWorkerMessage } from "./embedded-worker.ts";

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
  const removeSocketDir = () => fs.rmSync(socketDir, { recursive: true, force: true });
  const worker = await takeThread();
  try {
    await ask(worker, { start: { dataDir, loadFrom: options.loadFrom, socketPath: path.join(socketDir, `.s.PGSQL.${PORT}`) } }, "ready", "The embedded database could not start");
  } catch (error) {
    // A thread that failed to start a database is not trusted with another.
    await worker.terminate();
    removeSocketDir();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    connection: { host: socketDir, port: PORT, user: "postgres", database: "postgres" },
    async dump(file) {
      await ask(worker, { dump: file }, "dumped", "The embedded database could not be written to a tarball");
    },
    close() {
      closing ??= (async () => {
        try {
          await ask(worker, "close", "closed", "The embedded database could not close");
          giveBack(worker);
        } catch {
          await worker.terminate();
        } finally {
          removeSocketDir();
        }
      })();
      return closing;
    },
  };
}

/**
 * Threads whose database was closed, kept for the next one (at most IDLE_THREADS, and
 * unreferenced, so an idle thread never keeps the process alive). Starting a thread and
 * loading tsx and PGlite's JavaScript into it costs more than half a second of CPU:
 * reused, a test database costs that much less, and so does each CLI step.
 */
const IDLE_THREADS = 2;
const idle: Worker[] = [];

async function takeThread(): Promise<Worker> {
  const reused = idle.pop();
  if (reused) {
    reused.ref();
    return reused;
  }
  // Compiled (dist/, `npm run build`): the worker's JavaScript sits beside this file.
  // From source: worker threads do not inherit tsx's loader, so register it, then load
  // the TypeScript.
  const bootstrap = import.meta.url.endsWith(".js")
    ? `import(${JSON.stringify(new URL("./embedded-worker.js", import.meta.url).href)})`
    : `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL("./embedded-worker.ts", import.meta.url).href)}); })`;
  const workerData: EmbeddedWorkerData = await compiledPglite();
  const worker = new Worker(bootstrap, { eval: true, workerData });
  // A thread that ends while idle (killed, out of memory) leaves the pool.
  worker.on("exit", () => idle.includes(worker) && idle.splice(idle.indexOf(worker), 1));
  return worker;
}

function giveBack(worker: Worker): void {
  if (idle.length >= IDLE_THREADS) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.push(worker);
}

/**
 * Sends one message and waits for its answer: `expected`, or an error (the thread's
 * own `{ error }`, or the thread failing or exiting meanwhile).
 */
function ask(worker: Worker, message: EmbeddedWorkerMessage, expected: string, failure: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (answer: unknown) =>
      settle(answer === expected ? undefined : new Error(`${failure}: ${(answer as { error?: string }).error ?? String(answer)}`));
    const onError = (error: Error) => settle(error);
    const onExit = (code: number) => settle(new Error(`${failure}: the embedded database thread exited (${code}).`));
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(message);
  });
}

let compiled: Promise<EmbeddedWorkerData> | undefined;

/**
 * PGlite's WebAssembly (PostgreSQL and initdb), compiled once per process and handed to
 * every embedded database's thread (a compiled module crosses to a worker without being
 * compiled again): each PGlite would otherwise compile its ~10 MB of WebAssembly anew,
 * which tests (a database per file) and the token commands pay for every time.
 */
function compiledPglite(): Promise<EmbeddedWorkerData> {
  compiled ??= (async () => {
    const dist = path.dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite")));
    const compile = async (file: string) => WebAssembly.compile(await fs.promises.readFile(path.join(dist, file)));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([compile("pglite.wasm"), compile("initdb.wasm")]);
    return { pgliteWasmModule, initdbWasmModule };
  })();
  return compiled;
}
