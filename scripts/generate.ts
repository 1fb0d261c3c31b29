/**
 * `npm run generate`: rebuilds every generated artifact from its source, in order —
 * the Prisma client (from prisma/schema.prisma), schema.graphql (printed from the
 * server's Pothos schema), and the SDK's typed documents (graphql-codegen, codegen.ts).
 * CI runs it and fails when anything committed changes (.ci/run, "drift").
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";

const USAGE = `Usage: npm run generate [-- --help]

Regenerates, in order:
  1. the Prisma client         packages/db/src/generated/prisma  (prisma generate)
  2. schema.graphql            printed from the server's schema  (npm run schema:print)
  3. the SDK's typed documents packages/sdk/src/generated        (graphql-codegen, codegen.ts)
Commit what changes: CI fails when a committed artifact is stale.`;

try {
  const { values } = parseArgs({ options: { help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const steps: [string, string[]][] = [
  ["npx", ["prisma", "generate"]],
  ["npm", ["run", "--silent", "schema:print"]],
  ["npm", ["run", "--silent", "codegen"]],
];
for (const [command, args] of steps) {
  try {
    execFileSync(command, args, { stdio: "inherit" });
  } catch {
    console.error(`generate: \`${command} ${args.join(" ")}\` failed (see above).`);
    process.exit(1);
  }
}
