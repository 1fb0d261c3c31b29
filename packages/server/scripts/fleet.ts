/**
 * `npm run fleet`: the production topology on this machine — Redis, N replicas on one
 * PostgreSQL database, haproxy in front — as the fleet test starts it
 * (src/fleet/local-fleet.ts). Ctrl-C stops everything.
 */
import { parseArgs } from "node:util";
import { startFleet } from "../src/fleet/local-fleet.ts";

const USAGE = `Usage: npm run fleet [-- --replicas 3 --port 4000 --database-url postgres://...]

Starts redis-server, REPLICAS server processes (NODE_ENV=production, GraphiQL and
introspection on) on one PostgreSQL database, and haproxy on PORT in front of them,
health-checking /ready. Needs redis-server and haproxy (apt-get install redis-server
haproxy) and a PostgreSQL database: --database-url, or DATABASE_URL.

Options:
  --replicas N         server processes behind the balancer (default 3)
  --port P             the balancer's port (default 4000)
  --database-url URL   the PostgreSQL database (default: DATABASE_URL)
  -h, --help           show this help`;

let values: { replicas?: string; port?: string; "database-url"?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { replicas: { type: "string" }, port: { type: "string" }, "database-url": { type: "string" }, help: { type: "boolean", short: "h" } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const databaseUrl = values["database-url"] ?? process.env["DATABASE_URL"];
const replicas = Number(values.replicas ?? 3);
const port = Number(values.port ?? 4000);
if (!databaseUrl) {
  console.error(`A fleet needs PostgreSQL: pass --database-url or set DATABASE_URL.\n\n${USAGE}`);
  process.exit(2);
}
if (!Number.isInteger(replicas) || replicas < 1 || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--replicas must be a positive whole number and --port a port number.\n\n${USAGE}`);
  process.exit(2);
}

/** Replicas log JSON: show their messages, one line each, after the member's name. */
function print(member: string, line: string): void {
  let message = line;
  try {
    message = (JSON.parse(line) as { msg?: string }).msg ?? line;
  } catch {
    // not JSON (redis-server, haproxy)
  }
  console.log(`${member.padEnd(10)} ${message}`);
}

console.log(`Starting redis-server, ${replicas} replicas and haproxy...`);
try {
  const fleet = await startFleet({
    databaseUrl,
    replicas,
    port,
    env: { SOLEGRAPH_GRAPHIQL: "true", SOLEGRAPH_INTROSPECTION: "true" },
    onOutput: print,
  });
  console.log(`\nThe fleet answers at ${fleet.url} (GraphiQL there); Redis at ${fleet.redisUrl}. Ctrl-C stops it.`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log("Stopping the balancer, the replicas, then Redis...");
    void fleet.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
