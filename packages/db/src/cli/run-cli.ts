import { parseArgs, type ParseArgsConfig } from "node:util";
import { terminalSafe } from "./terminal-safe.ts";

/**
 * Shared frame for the db:* commands: parses flags, prints `--help`, and turns any
 * failure into one clear line on stderr and exit code 1 (no stack trace for users).
 */
export async function runCli<O extends NonNullable<ParseArgsConfig["options"]>>(
  spec: { usage: string; options: O; /** Take arguments that are not flags (file names). */ positionals?: boolean },
  main: (values: ReturnType<typeof parseArgs<{ options: O & { help: { type: "boolean"; short: "h" } } }>>["values"], positionals: string[]) => Promise<void>,
): Promise<void> {
  const options = { ...spec.options, help: { type: "boolean", short: "h" } } as O & {
    help: { type: "boolean"; short: "h" };
  };
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options, allowPositionals: spec.positionals ?? false }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${spec.usage}`);
    process.exit(2);
  }
  if ((values as { help?: boolean }).help) {
    console.log(spec.usage);
    return;
  }
  try {
    await main(values, positionals);
  } catch (error) {
    // Messages may quote a file or the database (a CSV header, a name): never raw to the terminal.
    console.error(`error: ${terminalSafe(error instanceof Error ? error.message : String(error))}`);
    process.exit(1);
  }
}

export const DATABASE_HELP = `Database selection:
  DATABASE_URL=postgres://...   use that PostgreSQL server
  (unset)                       the embedded PGlite database in .solegraph/data (project root)
  SOLEGRAPH_DATA_DIR=DIR        put the embedded database somewhere else`;
