import fs from "node:fs";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Serves one PGlite instance over PostgreSQL's wire protocol on a Unix socket, so the
 * embedded database is reached with `pg` exactly like a PostgreSQL server.
 *
 * PGlite is a single backend: one session, one set of prepared statements. So the
 * bridge serves one client connection at a time (the server's pool has one
 * connection); a connection that arrives meanwhile waits its turn. When a client goes
 * away its session is reset (open transaction rolled back, prepared statements
 * deallocated), so the next client starts clean.
 *
 * Why not @electric-sql/pglite-socket: it requires an exact PGlite version plus seven
 * extension packages as peers, and its multi-client queue interleaves messages of
 * different clients inside one extended-protocol exchange.
 */
export interface WireBridge {
  close(): Promise<void>;
}

const PROTOCOL_VERSION_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export async function serveWire(pglite: PGlite, socketPath: string): Promise<WireBridge> {
  fs.rmSync(socketPath, { force: true });
  let active: net.Socket | undefined;
  const waiting: net.Socket[] = [];
  // Messages run one at a time, in arrival order.
  let queue: Promise<void> = Promise.resolve();

  const server = net.createServer((socket) => {
    socket.pause();
    waiting.push(socket);
    socket.once("close", () => waiting.includes(socket) && waiting.splice(waiting.indexOf(socket), 1));
    admitNext();
  });

  function admitNext(): void {
    if (active) return;
    const socket = waiting.shift();
    if (socket) serve(socket);
  }

  function serve(socket: net.Socket): void {
    active = socket;
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;

    socket.on("data", (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const message = nextMessage();
        if (!message) break;
        queue = queue.then(() => run(message)).catch(() => {
          socket.destroy();
        });
      }
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      queue = queue.then(() => resetSession()).finally(() => {
        active = undefined;
        admitNext();
      });
    });
    socket.resume();

    /** Cuts the next whole message off the buffer: the startup packet has no type byte. */
    function nextMessage(): Buffer | undefined {
      const headerLength = started ? 5 : 4;
      if (buffer.length < headerLength) return undefined;
      const length = started ? 1 + buffer.readInt32BE(1) : buffer.readInt32BE(0);
      if (buffer.length < length) return undefined;
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (!started) {
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          socket.write("N"); // no encryption on a local socket; the client goes on in plain text
          return nextMessage();
        }
        if (code === CANCEL_REQUEST) {
          socket.end(); // cancelling is not supported: the statement runs to its end
          return undefined;
        }
        if (code === PROTOCOL_VERSION_3) started = true;
      }
      // A copy: the socket's buffers are reused.
      return Buffer.from(message);
    }

    async function run(message: Buffer): Promise<void> {
      if (socket.destroyed) return;
      await pglite.runExclusive(() =>
        pglite.execProtocolRawStream(new Uint8Array(message.buffer, message.byteOffset, message.length), {
          // A copy: `data` is a view of PGlite's memory, reused for the next chunk
          // before the socket may have sent this one.
          onRawData: (data) => {
            if (!socket.destroyed) socket.write(Buffer.from(data));
          },
        }),
      );
    }
  }

  /** What a departed client left in the one session must not reach the next client. */
  async function resetSession(): Promise<void> {
    try {
      if (pglite.isInTransaction()) await pglite.exec("ROLLBACK");
      await pglite.exec("DEALLOCATE ALL");
    } catch {
      // The database is closing.
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  fs.chmodSync(socketPath, 0o600);

  return {
    async close() {
      for (const socket of waiting.splice(0)) socket.destroy();
      active?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      fs.rmSync(socketPath, { force: true });
    },
  };
}
