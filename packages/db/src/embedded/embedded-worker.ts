import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "./extensions.ts";
import { serveWire, type WireBridge } from "./wire-bridge.ts";

/**
 * The embedded database's thread: PGlite (PostgreSQL compiled to WebAssembly) runs
 * here, off the server's event loop, and is served on a Unix socket (wire-bridge.ts).
 * The main thread talks to it with `pg`.
 *
 * A thread serves one database at a time, and more than one in its life: once a
 * database is closed the thread waits for the next `start` (start-embedded.ts keeps it
 * for reuse), because starting a thread and loading tsx and PGlite's JavaScript into it
 * costs more than half a second of CPU, paid by every test database and CLI command.
 *
 * Messages from the main thread: { start }, "close", or { dump: file } (write the
 * database's files to a tarball); back: "ready", "closed", "dumped" or { error }.
 */
export interface EmbeddedWorkerData {
  /** PGlite's WebAssembly, compiled once by the main thread (start-embedded.ts). */
  readonly pgliteWasmModule: WebAssembly.Module;
  readonly initdbWasmModule: WebAssembly.Module;
}

export interface EmbeddedStart {
  /** The data folder, or undefined for an in-memory database. */
  readonly dataDir: string | undefined;
  /** A tarball of a database's files to start from (in memory only; tests). */
  readonly loadFrom: string | undefined;
  readonly socketPath: string;
}

export type EmbeddedWorkerMessage = { readonly start: EmbeddedStart } | "close" | { readonly dump: string };

const { pgliteWasmModule, initdbWasmModule } = workerData as EmbeddedWorkerData;
const port = parentPort!;
let open: { readonly pglite: PGlite; readonly bridge: WireBridge } | undefined;

// The last tarball read, kept: tests start one database after another from the same file
// (template files are named by their content, so a name never changes meaning).
let tarball: { readonly file: string; readonly blob: Blob } | undefined;
function tarballBlob(file: string): Blob {
  if (tarball?.file !== file) tarball = { file, blob: new Blob([fs.readFileSync(file)]) };
  return tarball.blob;
}

async function start({ dataDir, loadFrom, socketPath }: EmbeddedStart): Promise<void> {
  const pglite = await PGlite.create({
    ...(dataDir !== undefined && { dataDir }),
    ...(loadFrom !== undefined && { loadDataDir: tarballBlob(loadFrom) }),
    extensions: pgliteExtensions,
    pgliteWasmModule,
    initdbWasmModule,
  });
  try {
    open = { pglite, bridge: await serveWire(pglite, socketPath) };
  } catch (error) {
    await pglite.close();
    throw error;
  }
}

async function handle(message: EmbeddedWorkerMessage): Promise<unknown> {
  if (message === "close") {
    if (open) {
      await open.bridge.close();
      await open.pglite.close();
      open = undefined;
    }
    return "closed";
  }
  if ("start" in message) {
    if (open) throw new Error("This embedded database thread already serves a database.");
    await start(message.start);
    return "ready";
  }
  if (!open) throw new Error("No embedded database is open on this thread.");
  // Between statements: the bridge runs one message at a time, and so does PGlite.
  // A checkpoint first, so that the files hold every committed value as it is
  // (else starting from them replays the log, and sequences jump ahead by 32).
  await open.pglite.exec("CHECKPOINT");
  const dumped = await open.pglite.dumpDataDir("none");
  fs.writeFileSync(message.dump, Buffer.from(await dumped.arrayBuffer()));
  return "dumped";
}

port.on("message", (message: EmbeddedWorkerMessage) => {
  handle(message).then(
    (answer) => port.postMessage(answer),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
