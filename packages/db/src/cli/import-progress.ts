import cliProgress from "cli-progress";

/** What the bar shows: bytes of the file read (which gives the ETA) and rows per second. */
export interface ImportProgress {
  update(progress: { rows: number; bytes: number }): void;
  stop(): void;
}

/** How often a line of progress is written when stderr is not a terminal. */
const LINE_EVERY_MS = 10_000;

/**
 * A progress bar on stderr when it is a terminal (rows, rows/s, ETA); otherwise a line
 * on stderr every 10 s (rows, share of the file, rows/s), so a long import in a log
 * shows that it advances while stdout gets only the outcome lines and the summary.
 */
export function importProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  const started = performance.now();
  if (!stream.isTTY) {
    let last = started;
    return {
      update({ rows, bytes }) {
        const now = performance.now();
        if (now - last < LINE_EVERY_MS) return;
        last = now;
        const seconds = (now - started) / 1000;
        stream.write(`import: ${rows} rows, ${Math.round((100 * bytes) / Math.max(1, totalBytes))}% of the file, ${Math.round(rows / seconds)} rows/s\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}",
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(1, totalBytes), 0, { rows: 0, speed: 0 });
  return {
    update({ rows, bytes }) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(bytes, { rows, speed: seconds > 0 ? Math.round(rows / seconds) : 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
