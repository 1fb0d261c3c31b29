import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@solegraph/db";

/** How often the background probe looks at the database (and its migration level). */
export const READINESS_PROBE_INTERVAL_MS = 1_000;
/**
 * A probe that has not come back for this long means a database that does not answer
 * at all (a black-holed host: `pg` waits on such a connect without end): not ready.
 * Long enough that a busy pool, where the probe queues behind requests (whose SQL
 * stops at SOLEGRAPH_QUERY_TIMEOUT_MS, 10 s by default), does not flap the replica.
 */
const STALE_AFTER_MS = 15_000;

export interface Readiness {
  /** Ready: not draining, and the last probe (fresh enough) found the database up and migrated. */
  isReady(): boolean | Promise<boolean>;
  /** Stops the background probe (the server closes). */
  stop(): void;
  /** The answer's body: `ready`, and the state of what the server can do without (Redis). */
  body(ready: boolean): string;
}

export interface ReadinessOptions {
  readonly db: Pick<Db, "sql" | "isUpToDate">;
  /** Set when the server is stopping: not ready, whatever the database says. */
  readonly isDraining: () => boolean;
  readonly intervalMs?: number | undefined;
  /**
   * Redis, in the detail only: without it the server answers from PostgreSQL (slower),
   * so it stays ready (issue 25). "none" where no REDIS_URL is set.
   */
  readonly redis?: () => "none" | "up" | "down";
}

/**
 * `/ready` answered from state, not from a query per call: under load a query per
 * call waits behind the pool's requests (602 ms at 200 connections on PostgreSQL), and
 * a balancer timing readiness out at 1 s then drops a healthy, busy replica. One probe
 * per interval (`SELECT 1` and the migration level) keeps the state fresh; it starts
 * with the first `/ready` (apps never asked about readiness, such as tests', never
 * probe), and the first answer waits for the first probe.
 */
export function createReadiness({ db, isDraining, intervalMs = READINESS_PROBE_INTERVAL_MS, redis = () => "none" }: ReadinessOptions): Readiness {
  const staleAfterMs = Math.max(STALE_AFTER_MS, 3 * intervalMs);
  let lastGood = false;
  let lastProbeAt = 0;
  let first: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let probing = false;
  let stopped = false;

  const probe = async () => {
    if (probing || stopped) return;
    probing = true;
    try {
      await db.sql.query("SELECT 1");
      lastGood = await db.isUpToDate();
    } catch {
      lastGood = false;
    } finally {
      lastProbeAt = Date.now();
      probing = false;
    }
  };
  const answer = () => lastGood && Date.now() - lastProbeAt <= staleAfterMs;

  return {
    isReady() {
      if (isDraining() || stopped) return false;
      if (!first) {
        first = probe();
        timer = setInterval(() => void probe(), intervalMs);
        // The probe never keeps a finished process alive.
        timer.unref();
        return first.then(answer);
      }
      return answer();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
    body: (ready) => JSON.stringify({ ready, redis: redis() }),
  };
}

/** A balancer's readiness poll: `GET` or `HEAD /ready`, with or without a query string. */
export function isReadinessPoll(request: IncomingMessage): boolean {
  return (request.method === "GET" || request.method === "HEAD") && (request.url === "/ready" || request.url?.startsWith("/ready?") === true);
}

/**
 * Answers a readiness poll straight from node:http, before the fetch adapter: a
 * balancer polling every replica often needs no Request/Response objects, plugins or
 * compression, and a busy event loop then still answers it within milliseconds. (The
 * app keeps its own /ready for in-process use, app.fetch, from the same state.)
 */
export async function answerReadiness(readiness: Readiness, response: ServerResponse): Promise<void> {
  const ready = await readiness.isReady();
  const body = readiness.body(ready);
  response.writeHead(ready ? 200 : 503, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  response.end(body);
}
