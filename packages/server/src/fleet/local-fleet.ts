import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../net/free-port.ts";

/**
 * A fleet on this machine, as production runs one: a Redis server, N replicas of the
 * server on one PostgreSQL database, all started at the same moment, and haproxy in
 * front (health-checking `/ready`, retrying what a stopping replica refused). Used by
 * `npm run fleet` and by the fleet test; needs `redis-server` and `haproxy` on the PATH
 * (Debian: apt-get install redis-server haproxy).
 */
export interface FleetOptions {
  readonly databaseUrl: string;
  readonly replicas?: number;
  /** The balancer's port (0: a free one). */
  readonly port?: number;
  /** More environment for every replica (e.g. SOLEGRAPH_GRAPHIQL=true). */
  readonly env?: NodeJS.ProcessEnv;
  /** Replica start-up flags (e.g. --no-seed). */
  readonly args?: readonly string[];
  /** SIGTERM → /ready 503 → this long → close (the replicas' SHUTDOWN_DELAY_MS). */
  readonly shutdownDelayMs?: number;
  /** Each line a fleet member writes, prefixed with its name (npm run fleet prints them). */
  readonly onOutput?: (member: string, line: string) => void;
}

export interface FleetMember {
  readonly name: string;
  readonly child: ChildProcess;
  readonly port: number;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  output(): string;
}

export interface Fleet {
  /** The GraphQL endpoint through the balancer. */
  readonly url: string;
  readonly redisUrl: string;
  readonly replicas: readonly FleetMember[];
  /** The GraphQL endpoint of one replica, bypassing the balancer. */
  replicaUrl(index: number): string;
  close(): Promise<void>;
}

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

export class FleetStartError extends Error {}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const replicaCount = options.replicas ?? 3;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "solegraph-fleet-"));
  const members: FleetMember[] = [];
  const close = async () => {
    // Balancer first, then the replicas (gracefully), then Redis.
    const order = [...members].sort((a, b) => rank(a.name) - rank(b.name));
    for (const member of order) await stopMember(member);
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const redisPort = await freePort();
    const redis = launch("redis", "redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {}, redisPort, options);
    members.push(redis);
    await waitForOutput(redis, /Ready to accept connections/, 15_000);
    const redisUrl = `redis://127.0.0.1:${redisPort}`;

    const ports = await Promise.all(Array.from({ length: replicaCount }, freePort));
    const replicas = ports.map((port, i) =>
      launch(`replica-${i + 1}`, process.execPath, ["--import", "tsx", "src/main.ts", ...(options.args ?? [])], {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: redisUrl,
        NODE_ENV: "production",
        WORKERS: "1",
        LOG_FORMAT: "json",
        SHUTDOWN_DELAY_MS: String(options.shutdownDelayMs ?? 2_000),
        ...options.env,
      }, port, options),
    );
    members.push(...replicas);
    await Promise.all(replicas.map((replica) => waitForOutput(replica, /"msg":"Ready on/, 120_000)));

    const balancerPort = options.port ?? (await freePort());
    const config = path.join(workDir, "haproxy.cfg");
    fs.writeFileSync(config, haproxyConfig(balancerPort, ports));
    const balancer = launch("haproxy", "haproxy", ["-db", "-f", config], {}, balancerPort, options);
    members.push(balancer);
    const url = `http://127.0.0.1:${balancerPort}/graphql`;
    await waitForBalancer(`http://127.0.0.1:${balancerPort}/ready`, balancer, 20_000);
    return { url, redisUrl, replicas, replicaUrl: (i) => `http://127.0.0.1:${replicas[i]!.port}/graphql`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * haproxy in front of the replicas: round robin, `/ready` checked every 250 ms (one
 * failure takes a replica out: it is draining), and requests a replica refused or
 * dropped retried on another. Idle connections are kept shorter than the replicas keep
 * them (60 s < 65 s), so haproxy never reuses one a replica has closed.
 */
export function haproxyConfig(port: number, replicaPorts: readonly number[]): string {
  return `global
  maxconn 4096

defaults
  mode http
  option http-keep-alive
  timeout connect 2s
  timeout client 65s
  timeout server 65s
  timeout http-keep-alive 60s
  timeout tunnel 1h
  option redispatch
  retries 3
  retry-on conn-failure empty-response response-timeout 503

frontend solegraph
  bind 127.0.0.1:${port}
  default_backend replicas

backend replicas
  balance roundrobin
  option httpchk GET /ready
  http-check expect status 200
  default-server inter 250ms fall 1 rise 2
${replicaPorts.map((replicaPort, i) => `  server replica-${i + 1} 127.0.0.1:${replicaPort} check`).join("\n")}
`;
}

function rank(name: string): number {
  return name === "haproxy" ? 0 : name === "redis" ? 2 : 1;
}

function launch(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv, port: number, options: FleetOptions): FleetMember {
  const child = spawn(command, args, { cwd: serverDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let partial = "";
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line.trim() !== "") options.onOutput?.(name, line);
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once("error", (error) => {
      output += `\n${error.message}`;
      resolve(null);
    });
    child.once("exit", (code, signal) => resolve(code ?? signal));
  });
  return { name, child, port, exited, output: () => output };
}

async function stopMember(member: FleetMember): Promise<void> {
  if (member.child.exitCode !== null || member.child.signalCode !== null) return;
  member.child.kill("SIGTERM");
  const timer = setTimeout(() => member.child.kill("SIGKILL"), 15_000);
  await member.exited;
  clearTimeout(timer);
}

async function waitForOutput(member: FleetMember, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void member.exited.then(() => (gone = true));
  while (!pattern.test(member.output())) {
    if (gone) throw new FleetStartError(`${member.name} exited while starting:\n${member.output()}`);
    if (Date.now() > deadline) throw new FleetStartError(`${member.name} did not start within ${timeoutMs} ms:\n${member.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForBalancer(readyUrl: string, balancer: FleetMember, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (balancer.child.exitCode !== null) throw new FleetStartError(`haproxy exited:\n${balancer.output()}`);
    try {
      if ((await fetch(readyUrl)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new FleetStartError(`haproxy did not become ready within ${timeoutMs} ms:\n${balancer.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
