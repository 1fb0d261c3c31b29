import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openControlChannel, type ControlChannel, type Db } from "@solegraph/db";
import { createApp, type AppOptions } from "./app.ts";

/** How long requests in flight may take to finish once the server is stopping. */
const DRAIN_TIMEOUT_MS = 30_000;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** The token commands' socket, on the embedded database (see @solegraph/db control-channel). */
  readonly controlSocket: string | undefined;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export interface ServeOptions extends Pick<AppOptions, "onStatement" | "config"> {
  readonly db: Db;
  readonly port?: number;
  readonly host?: string;
  readonly logging?: boolean;
}

/** Serves the app over HTTP; port 0 picks a free port (tests). */
export async function serve({ db, port = 4000, host = "localhost", logging = true, onStatement, config }: ServeOptions): Promise<RunningServer> {
  const app = createApp({ db, logging, onStatement, ...(config && { config }) });
  const server = createServer(app);
  // Idle keep-alive sockets must not hold shutdown open.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const controlChannel = await openTokenChannel(db, logging);
  const address = server.address() as AddressInfo;
  const urlHost = ["0.0.0.0", "::"].includes(host) ? "localhost" : host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}/graphql`,
    port: address.port,
    server,
    controlSocket: controlChannel?.socketPath,
    close() {
      closing ??= (async () => {
        await controlChannel?.close();
        // Requests in flight finish (their connections then close); a client that holds
        // a connection open past the drain time is cut off.
        const cutOff = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeIdleConnections();
        });
        clearTimeout(cutOff);
        await db.close();
      })();
      return closing;
    },
  };
}

/**
 * The embedded database is this process's alone while it runs, so token commands reach
 * it through this server (`npm run token:create` finds the socket in the data folder).
 * A server that cannot offer the channel still serves; the commands then explain.
 */
async function openTokenChannel(db: Db, logging: boolean): Promise<ControlChannel | undefined> {
  if (db.target.kind !== "pglite") return undefined;
  try {
    return await openControlChannel(db.prisma, db.target.dataDir);
  } catch (error) {
    if (logging) console.warn(`Token commands cannot reach this server: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
