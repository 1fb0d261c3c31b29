import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "./extensions.ts";
import { serveWire } from "./wire-bridge.ts";

/**
 * The embedded database's thread: PGlite (PostgreSQL compiled to WebAssembly) runs
 * here, off the server's event loop, and is served on a Unix socket (wire-bridge.ts).
 * The main thread talks to it with `pg`. Messages from the main thread: "close", or
 * { dump: file } (write the database's files to a tarball); back: "ready", "closed",
 * "dumped" or { error }.
 */
export interface EmbeddedWorkerData {
  /** The data folder, or undefined for an in-memory database. */
  readonly dataDir: string | undefined;
  /** A tarball of a database's files to start from (in memory only; tests). */
  readonly loadFrom: string | undefined;
  readonly socketPath: string;
  /** PGlite's WebAssembly, compiled once by the main thread (start-embedded.ts). */
  readonly pgliteWasmModule: WebAssembly.Module;
  readonly initdbWasmModule: WebAssembly.Module;
}

const { dataDir, loadFrom, socketPath, pgliteWasmModule, initdbWasmModule } = workerData as EmbeddedWorkerData;
const port = parentPort!;

try {
  const pglite = await PGlite.create({
    ...(dataDir !== undefined && { dataDir }),
    ...(loadFrom !== undefined && { loadDataDir: new Blob([fs.readFileSync(loadFrom)]) }),
    extensions: pgliteExtensions,
    pgliteWasmModule,
    initdbWasmModule,
  });
  const bridge = await serveWire(pglite, socketPath);
  port.on("message", (message: "close" | { dump: string }) => {
    void (async () => {
      if (message === "close") {
        await bridge.close();
        await pglite.close();
        port.postMessage("closed");
      } else {
        // Between statements: the bridge runs one message at a time, and so does PGlite.
        // A checkpoint first, so that the files hold every committed value as it is
        // (else starting from them replays the log, and sequences jump ahead by 32).
        await pglite.exec("CHECKPOINT");
        const tarball = await pglite.dumpDataDir("none");
        fs.writeFileSync(message.dump, Buffer.from(await tarball.arrayBuffer()));
        port.postMessage("dumped");
      }
    })();
  });
  port.postMessage("ready");
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
