import net from "node:net";
import { controlSocketPath, type ControlRequest, type ControlResponse, type ControlResult } from "./protocol.ts";

/** The server holding the data folder offers no control socket (or died meanwhile). */
export class ControlChannelUnavailableError extends Error {
  constructor(readonly socketPath: string, cause: unknown) {
    super(`No solegraph server answers on ${socketPath}.`, { cause });
    this.name = "ControlChannelUnavailableError";
  }
}

/** Sends one command to the server that holds `dataDir` and returns its result. */
export async function sendControlRequest(dataDir: string, request: ControlRequest, timeoutMs = 30_000): Promise<ControlResult> {
  const socketPath = controlSocketPath(dataDir);
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(socketPath);
    const chunks: Buffer[] = [];
    let connected = false;
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`The server on ${socketPath} did not answer within ${timeoutMs} ms.`)));
    socket.once("connect", () => {
      connected = true;
      socket.end(JSON.stringify(request));
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.once("error", (error) => reject(connected ? error : new ControlChannelUnavailableError(socketPath, error)));
  });
  const response = JSON.parse(text) as ControlResponse;
  if (!response.ok) throw new Error(response.error);
  return response.result;
}
