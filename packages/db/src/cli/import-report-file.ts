import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { FacilityListReport, RowOutcome } from "../facility-list/outcome.ts";

/**
 * The `--report` file, written as the import goes: every row's outcome as it is
 * decided (so a 100,000-row report never sits in memory), then what happened to the
 * whole: `committed` says whether the outcomes are in the database.
 */
export class ReportFile {
  private readonly stream: WriteStream;
  private first = true;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
    this.stream.write('{\n"rows": [\n');
  }

  row(outcome: RowOutcome): void {
    this.stream.write(`${this.first ? "" : ",\n"}${JSON.stringify(outcome)}`);
    this.first = false;
  }

  /** Ends the file with the report, or with the error that rolled everything back. */
  async finish(ending: { report: FacilityListReport } | { error: string }): Promise<void> {
    const tail = "report" in ending ? ending.report : { committed: false, error: ending.error };
    const fields = Object.entries(tail).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    this.stream.end(`\n],\n${fields.join(",\n")}\n}\n`);
    await once(this.stream, "finish");
  }
}
