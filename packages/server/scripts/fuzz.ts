import { parseArgs } from "node:util";
import { fuzz } from "../src/testing/fuzz.ts";
import { createTestApp } from "../src/testing/index.ts";

const USAGE = `Usage: npm run fuzz [-- --count 20000 --seed N]

Sends COUNT random operations built from the schema, sensible and hostile, to the
server in process over a fresh seeded database (embedded, or a new database on the
PostgreSQL server SOLEGRAPH_TEST_POSTGRES_URL names), and checks every answer: no 5xx,
no internal error, no leaked internal, every row change explained by the audit trail.
Prints what it found; exits 1 when it found a problem. The same seed replays the run.`;

const { values } = parseArgs({
  options: { count: { type: "string", default: "20000" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const count = Number(values.count);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error(`--count and --seed take whole numbers.\n\n${USAGE}`);
  process.exit(2);
}

const graph = await createTestApp();
const started = performance.now();
const report = await fuzz(graph, { count, seed });
await graph.close();
console.log(`${report.requests} requests (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s, ${report.writes} writes`);
console.log(`statuses: ${JSON.stringify(report.byStatus)}`);
console.log(`error codes: ${JSON.stringify(report.byCode)}`);
if (report.problems.length > 0) {
  console.log(`\n${report.problems.length} problem(s):\n\n${report.problems.slice(0, 20).join("\n\n")}`);
  process.exit(1);
}
console.log("no problem found");
