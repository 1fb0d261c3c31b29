import fs from "node:fs";
import net from "node:net";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { TokenCommandError } from "../tokens/token-store.ts";
import { executeControlRequest } from "./execute.ts";
import { controlRequestSchema, controlSocketDir, controlSocketPath, MAX_REQUEST_BYTES, type ControlResponse } from "./protocol.ts";

export interface ControlChannel {
  readonly socketPath: string;
  /** Stops accepting commands and removes the socket file. */
  close(): Promise<void>;
}

// sockaddr_un.sun_path holds 108 bytes on Linux (104 on macOS), NUL included.
const MAX_SOCKET_PATH_BYTES = 103;

/**
 * Serves token commands for the process that holds the embedded data folder's lock
 * (see protocol.ts). Call it only while holding that lock: any socket file already
 * there was left by a process that died, and is replaced.
 */
export async function openControlChannel(prisma: PrismaClient, dataDir: string): Promise<ControlChannel> {
  const socketPath = controlSocketPath(dataDir);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) {
    throw new Error(`The control socket path ${socketPath} is too long for a Unix socket; use a shorter SOLEGRAPH_DATA_DIR.`);
  }
  // A private folder: umask can only narrow 0700, so no other user can reach the socket,
  // not even before its own mode is set below.
  const socketDir = controlSocketDir(dataDir);
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(socketDir, 0o700);
  fs.rmSync(socketPath, { force: true });
  // Half-open: the client ends its side to mark the end of the request, and still
  // reads the response.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => serveConnection(prisma, socket));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  fs.chmodSync(socketPath, 0o600);
  let closing: Promise<void> | undefined;
  return {
    socketPath,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socketDir, { recursive: true, force: true });
      });
      return closing;
    },
  };
}

function serveConnection(prisma: PrismaClient, socket: net.Socket): void {
  socket.setTimeout(30_000, () => socket.destroy());
  socket.on("error", () => socket.destroy());
  const chunks: Buffer[] = [];
  let size = 0;
  socket.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) {
      reply(socket, { ok: false, error: "Request too large." });
      return;
    }
    chunks.push(chunk);
  });
  socket.on("end", () => {
    if (size > MAX_REQUEST_BYTES) return;
    void handle(prisma, Buffer.concat(chunks).toString("utf8")).then((response) => reply(socket, response));
  });
}

async function handle(prisma: PrismaClient, text: string): Promise<ControlResponse> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "Malformed request: not JSON." };
  }
  const request = controlRequestSchema.safeParse(json);
  if (!request.success) return { ok: false, error: `Malformed request: ${request.error.issues[0]?.message ?? "invalid"}.` };
  try {
    return { ok: true, result: await executeControlRequest(prisma, request.data) };
  } catch (error) {
    // Only the data folder's owner can connect, so the real reason may be shown.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: error instanceof TokenCommandError ? reason : `The server could not run the command: ${reason}` };
  }
}

function reply(socket: net.Socket, response: ControlResponse): void {
  if (socket.destroyed) return;
  socket.end(JSON.stringify(response));
}
