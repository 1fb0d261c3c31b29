import { createReadStream, statSync } from "node:fs";
import { createDb } from "../create-db.ts";
import { DataDirLockedError } from "../data-dir-lock.ts";
import { Ownership } from "../generated/prisma/enums.ts";
import { fingerprintOf } from "../facility-list/fingerprint.ts";
import { importFacilityList } from "../facility-list/import.ts";
import { LAYOUT_NAMES, readColumnsFile } from "../facility-list/layouts/index.ts";
import { FacilityListError, type FacilityListReport, type RowOutcome } from "../facility-list/outcome.ts";
import { commandLineActor, COMMAND_LINE_ACTOR } from "../tokens/command-line-actor.ts";
import { importProgress } from "./import-progress.ts";
import { ReportFile } from "./import-report-file.ts";
import { DATABASE_HELP, runCli } from "./run-cli.ts";
import { terminalSafe } from "./terminal-safe.ts";

const RELATIONS: Readonly<Record<string, Ownership>> = { contract: Ownership.CONTRACT, owned: Ownership.OWNED };

await runCli(
  {
    usage: `Usage: npm run import -- FILE --source SLUG [--brand SLUG --relation contract|owned] [--as-of YYYY-MM-DD]
         [--layout NAME | --columns mapping.json] [--sector NAME] [--dry-run] [--report FILE.json]

Imports a facility list (.csv, .xlsx or legacy .xls): each row
creates a factory or is matched to one already in the graph (same os_id, same country
and normalised name, same address, within 50 m, or a name spelt alike within 500 m),
and every factory it names cites the source. A name spelt alike with no pin that close
is not merged: the row's factory is created and the possible duplicate printed. The
header row is found under any title rows ("... Data As Of JUNE 2025" gives the list's
date) and its layout detected: ${LAYOUT_NAMES.join(", ")}.
Rows that cannot be imported (no name, unknown country, coordinates out of range) or
that match several factories are reported with their line and reason; the rest is
imported. With --brand the list is the brand's disclosure as of its date: factories
listed before and missing now have their relation ended (nothing is deleted).

Rows are committed in batches of 2,000. An import that stops (an error, a crash, Ctrl-C)
keeps its committed batches; running the same command on the same file again continues
after the last one. Importing a list again changes nothing it already did.

Options:
  --source SLUG       the Source the list is (create it first, kind FACILITY_LIST)
  --brand SLUG        the brand whose list it is; with --relation, recorded for every factory
                      (a row whose brands column names another brand in the graph relates to it)
  --relation KIND     contract (made there under contract) or owned (the brand's own site)
  --as-of DATE        the date the list holds as of (default: its title row's, the source's, today)
  --layout NAME       force a layout: ${LAYOUT_NAMES.join(", ")}
  --columns FILE      any other layout: a JSON object, our field ← their column, e.g.
                      {"name": "Supplier", "country": "Nation", "supplierGroup": "Parent"}
  --sector NAME       import only rows of this product type (e.g. footwear); others are skipped
  --dry-run           decide every row, write nothing (one transaction, rolled back)
  --report FILE.json  write every row's outcome and the summary to FILE.json
  --verbose           print every row's outcome (by default: rejected and ambiguous rows,
                      and created rows with a possible duplicate: a factory of the country
                      with a similar name and no pin within 500 m of the row's; not merged)
  --curator NAME      record the changes under this API token's name (default: "${COMMAND_LINE_ACTOR}")

Prints progress on stderr (a bar on a terminal, else a line every 10 s), the rows that
need attention and a summary (stdout). With the embedded database, stop the server first (or upload the list with
the importFacilityList mutation).

${DATABASE_HELP}`,
    positionals: true,
    options: {
      source: { type: "string" },
      brand: { type: "string" },
      relation: { type: "string" },
      "as-of": { type: "string" },
      layout: { type: "string" },
      columns: { type: "string" },
      sector: { type: "string" },
      "dry-run": { type: "boolean" },
      report: { type: "string" },
      verbose: { type: "boolean" },
      curator: { type: "string" },
    },
  },
  async (values, positionals) => {
    const [file, ...rest] = positionals;
    if (!file) throw new Error("Give the list to import: a .csv, .xlsx or .xls file (see --help).");
    if (rest.length > 0) throw new Error(`One file at a time (also got ${rest.join(", ")}).`);
    if (!values.source) throw new Error("--source is required: the slug of the Source the list is (see --help).");
    const relation = values.relation === undefined ? undefined : RELATIONS[values.relation.toLowerCase()];
    if (values.relation !== undefined && !relation) throw new Error(`--relation must be contract or owned, not "${values.relation}".`);
    const size = statSync(file).size;
    // Read once more before the import: a run that stopped continues only with the same file.
    const fingerprint = await fingerprintOf(createReadStream(file));

    let db;
    try {
      db = await createDb({ migrate: true });
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        throw new Error(`${error.message} Stop the server to import from the command line, or upload the list with the importFacilityList mutation.`);
      }
      throw error;
    }
    const report = values.report ? new ReportFile(values.report) : undefined;
    const progress = importProgress(size);
    try {
      // Found or created inside the import's transaction: a dry run rolls it back too.
      let actor = { name: values.curator ?? COMMAND_LINE_ACTOR };
      const result = await importFacilityList({
        pool: db.pool,
        input: createReadStream(file),
        source: values.source,
        brand: values.brand,
        relation,
        asOf: values["as-of"],
        layout: values.layout,
        columns: values.columns === undefined ? undefined : readColumnsFile(values.columns),
        sector: values.sector,
        tokenId: async (client) => {
          const found = await commandLineActor(client, values.curator);
          actor = found;
          return found.id;
        },
        dryRun: values["dry-run"] ?? false,
        fingerprint,
        onOutcome: (outcome) => {
          report?.row(outcome);
          if (values.verbose || outcome.outcome === "rejected" || outcome.outcome === "ambiguous" || outcome.possibleDuplicates) {
            progress.stop();
            console.log(terminalSafe(describeOutcome(outcome)));
          }
        },
        onProgress: (p) => progress.update(p),
      });
      progress.stop();
      await report?.finish({ report: result });
      console.log(summaryLine(result, terminalSafe(db.description), terminalSafe(actor.name)));
    } catch (error) {
      progress.stop();
      await report?.finish({ error: error instanceof Error ? error.message : String(error) });
      // A refused list is refused before its first batch.
      const kept = values["dry-run"] || error instanceof FacilityListError ? "Nothing was imported." : "Batches committed before the error are kept; run the same command again to continue after them.";
      throw new Error(`${error instanceof Error ? error.message : String(error)} ${kept}`);
    } finally {
      await db.close();
    }
  },
);

function describeOutcome(outcome: RowOutcome): string {
  const head = `line ${outcome.line}: ${outcome.outcome}`;
  const factory = outcome.factory ? ` ${outcome.factory.slug}` : "";
  const by = outcome.matchedBy ? ` (by ${outcome.matchedBy.join(", ")})` : "";
  const candidates = outcome.candidates ? `: ${outcome.candidates.map((c) => `${c.slug} (by ${c.matchedBy.join(", ")})`).join("; ")}` : "";
  const similar = outcome.possibleDuplicates ? ` — possibly the same as ${outcome.possibleDuplicates.map((c) => c.slug).join(", ")} (a similar name; not merged)` : "";
  const reason = outcome.reason ? ` — ${outcome.reason}` : "";
  return `${head}${factory}${by}${candidates}${similar}${reason}`;
}

function summaryLine(report: FacilityListReport, where: string, actor: string): string {
  const { summary, committed, elapsedMs, columns, disclosure, run } = report;
  const seconds = elapsedMs / 1000;
  const lines = [
    ...(run.resumedAfterLine !== null ? [`Continued import run ${run.id} after line ${run.resumedAfterLine} (the counts below include its earlier batches).`] : []),
    `${committed ? "Imported" : "Dry run, nothing written:"} ${summary.rows} rows into ${where} in ${seconds.toFixed(1)} s (${Math.round(summary.rows / Math.max(seconds, 0.001))} rows/s), as "${actor}".`,
    `  read as ${report.format} in the ${report.layout} layout, as of ${report.asOf}`,
    `  created ${summary.created} (${summary.possibleDuplicates} with a possible duplicate), matched ${summary.matched} (${summary.updated} filled in), ambiguous ${summary.ambiguous}, rejected ${summary.rejected}, skipped ${summary.skipped}`,
    `  citations added ${summary.citationsAdded}, brand relations added ${summary.brandRelationsAdded}, audit records ${summary.changes} (one per batch)${committed ? `, ${run.batches} batch${run.batches === 1 ? "" : "es"} committed` : ""}`,
  ];
  if (disclosure) lines.push(`  ${report.brand}'s disclosure as of ${disclosure.asOf}: ${disclosure.factoryCount} factories listed, ${disclosure.added} added, ${disclosure.dropped} no longer listed`);
  if (columns.ignored.length > 0) lines.push(`  columns ignored: ${columns.ignored.join(", ")}`);
  return lines.join("\n");
}
