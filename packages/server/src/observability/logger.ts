import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger };

/** The levels LOG_LEVEL takes, most severe first. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Readable lines instead of JSON: by default when standard output is a terminal. */
  readonly pretty?: boolean;
  /** Where JSON lines go (tests); standard output when left out. */
  readonly destination?: pino.DestinationStream;
}

/**
 * The one logger of a server process: JSON lines for log collectors when output is not
 * a terminal, coloured readable lines for a person at one. Nothing secret is ever passed
 * to it (no headers, no tokens); `authorization` is redacted should it ever be.
 */
export function createLogger({ level = "info", pretty: readable = process.stdout.isTTY === true, destination }: LoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["authorization", "*.authorization", "headers.authorization"], censor: "[redacted]" },
  };
  if (readable && !destination) {
    return pino(options, pretty({ colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname", sync: true }));
  }
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/** A logger that writes nothing (tests, embedders that log otherwise). */
export const silentLogger: Logger = pino({ level: "silent" });

/**
 * graphql-yoga's own messages, through our logger. Yoga reports each error it masks at
 * error level; the request log already reports those with the request (our faults at
 * error with their stacks, the client's mistakes at info), so here they are debug.
 */
export function yogaLogger(logger: Logger) {
  const log = logger.child({ component: "graphql-yoga" });
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === "string" ? arg : String(arg))).join(" ");
  return {
    debug: (...args: unknown[]) => log.debug(text(args)),
    info: (...args: unknown[]) => log.info(text(args)),
    warn: (...args: unknown[]) => log.warn(text(args)),
    error: (...args: unknown[]) => log.debug({ err: args[0] }, "masked error (logged with its request)"),
  };
}
