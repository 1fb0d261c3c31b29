import { execFile, spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const serverDir = fileURLToPath(new URL("../..", import.meta.url));
const rootDir = fileURLToPath(new URL("../../../..", import.meta.url));

export interface MainProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * Starts the server and resolves once it prints its URL: `src/main.ts` directly, or
 * through `npm start` as a user types it (then in a process group of its own, so a
 * test can signal the group as a terminal's Ctrl-C does).
 */
export function startMain(env: NodeJS.ProcessEnv, args: readonly string[] = [], options: { viaNpm?: boolean } = {}): Promise<MainProcess> {
  const child = options.viaNpm
    ? spawn("npm", ["start", "--", ...args], { cwd: rootDir, env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true })
    : spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
        cwd: serverDir,
        env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
  let output = "";
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL endpoint: (http:\/\/[^\s"]+)/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output, exited });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => reject(new Error(`main exited with ${code}:\n${output}`)));
  });
}

const run = promisify(execFile);

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a root npm script (`npm run -s <script> -- ...args`); never rejects. */
export function npmRun(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  return settle(run("npm", ["run", "-s", script, "--", ...args], { cwd: rootDir, env: { ...process.env, ...env }, timeout: 120_000 }));
}

/**
 * Runs what a token script runs (`tsx packages/db/src/cli/<name>.ts`), without npm's own
 * start-up time; the scripts' wiring is covered by `npmRun`.
 */
export function tokenCli(name: "token-create" | "token-revoke", args: readonly string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  return settle(
    run(process.execPath, ["--import", "tsx", `packages/db/src/cli/${name}.ts`, ...args], { cwd: rootDir, env: { ...process.env, ...env }, timeout: 120_000 }),
  );
}

async function settle(running: Promise<{ stdout: string; stderr: string }>): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** POSTs a GraphQL request to a running process. */
export async function graphqlAt<Data = any>(url: string, query: string, variables: Record<string, unknown>, authorization?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(authorization && { authorization }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: Data; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
}

/** Runs the server to its exit (for starts that must fail), with its whole output. */
export function runMainToExit(env: NodeJS.ProcessEnv, args: readonly string[] = [], timeoutMs = 60_000): Promise<{ code: number | null; output: string; elapsedMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: serverDir,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, elapsedMs: performance.now() - started });
    }),
  );
}
