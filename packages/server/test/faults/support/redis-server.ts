import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../../src/net/free-port.ts";

/** A redis-server of the test's own, on a free port, without persistence: killed, paused and restarted by the test. */
export interface TestRedis {
  readonly url: string;
  start(): Promise<void>;
  kill(): Promise<void>;
  /** SIGSTOP: the port stays open and the connection up, but nothing answers (a hung Redis). */
  pause(): void;
  resume(): void;
}

export async function testRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const handle: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
      child = started;
      await new Promise<void>((resolve, reject) => {
        let output = "";
        started.stdout!.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("Ready to accept connections")) resolve();
        });
        started.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
      });
    },
    async kill() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGCONT");
      child.kill("SIGKILL");
      await exited;
    },
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
  };
  return handle;
}
