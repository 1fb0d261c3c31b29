import cliProgress from "cli-progress";

/** What the bar shows: bytes of the file read (which gives the ETA) and rows per second. */
export interface ImportProgress {
  update(progress: { rows: number; bytes: number }): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal (rows, rows/s, ETA); nothing
 * otherwise, so logs and pipes get only the outcome lines and the summary.
 */
export function importProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const started = performance.now();
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
