/**
 * The floor: a bare node:http server that answers each benchmark query with one
 * prepared, hand-written SQL statement whose result is already the JSON response.
 * Run as its own process by run.ts, so its CPU is measured like the server's.
 *
 *   tsx bench/floor-server.ts <port> <postgres-url | embedded-data-dir>
 */
import http from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { BENCH_QUERIES } from "./queries.ts";

const [port, target] = process.argv.slice(2) as [string, string];
const statements = new Map(BENCH_QUERIES.map((q, i) => [`/${i}`, { name: `floor_${i}`, text: q.floorSql }]));

let run: (statement: { name: string; text: string }) => Promise<string>;
if (/^postgres(ql)?:/.test(target)) {
  const pool = new pg.Pool({ connectionString: target, max: 10 });
  // Named: prepared once per connection, as a tuned application would.
  run = async (statement) => {
    const result = await pool.query<Record<string, string>>(statement);
    return Object.values(result.rows[0]!)[0]!;
  };
} else {
  // Embedded: PGlite in this process, the fastest way there is to reach it.
  const db = await PGlite.create({ dataDir: target, extensions: { pg_trgm } });
  run = async (statement) => {
    const result = await db.query<Record<string, string>>(statement.text);
    return Object.values(result.rows[0]!)[0]!;
  };
}

http
  .createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const statement = statements.get(request.url ?? "");
      if (!statement) {
        response.writeHead(404).end();
        return;
      }
      run(statement).then(
        (data) => response.writeHead(200, { "content-type": "application/json" }).end(`{"data":${data}}`),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log("floor ready"));
