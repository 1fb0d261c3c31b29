import { spawn } from "node:child_process";

export interface LoadResult {
  /** Response count by HTTP status. */
  readonly statuses: Record<string, number>;
  /** `Retry-After` and error code of each refusal (503). */
  readonly refusals: { retryAfter: string | null; code: string | undefined }[];
}

/**
 * Sends `count` requests at once from another process, so that the load's own work
 * (sending, reading answers) does not busy the test's event loop, which the server
 * under test may share.
 */
export function loadFromAnotherProcess(url: string, count: number, body: string): Promise<LoadResult> {
  const script = `
    const [url, count, body] = process.argv.slice(1);
    const statuses = {}; const refusals = [];
    await Promise.all(Array.from({ length: Number(count) }, async () => {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status === 503) refusals.push({ retryAfter: response.headers.get("retry-after"), code: (await response.json()).errors?.[0]?.extensions?.code });
      else await response.arrayBuffer();
    }));
    process.stdout.write(JSON.stringify({ statuses, refusals }));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, url, String(count), body], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`load process exited with ${code}`))));
  });
}
