import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "./extensions.ts";
import { serveWire } from "./wire-bridge.ts";

/**
 * The embedded database's thread: PGlite (PostgreSQL compiled to WebAssembly) runs
 * here, off the server's event loop, and is served on a Unix socket (wire-bridge.ts).
 * The main thread talks to it with `pg`. Messages: "close" from the main thread;
 * "ready", "closed" or { error } back.
 */
export interface EmbeddedWorkerData {
  /** The data folder, or undefined for an in-memory database. */
  readonly dataDir: string | undefined;
  readonly socketPath: string;
}

const { dataDir, socketPath } = workerData as EmbeddedWorkerData;
const port = parentPort!;

try {
  const pglite = await PGlite.create({ ...(dataDir !== undefined && { dataDir }), extensions: pgliteExtensions });
  const bridge = await serveWire(pglite, socketPath);
  port.on("message", (message) => {
    if (message !== "close") return;
    void (async () => {
      await bridge.close();
      await pglite.close();
      port.postMessage("closed");
    })();
  });
  port.postMessage("ready");
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
