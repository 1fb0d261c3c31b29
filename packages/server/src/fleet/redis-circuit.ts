import type { Logger } from "../observability/logger.ts";

/** Every Redis call gets this long; then the cache steps aside (README: "Failure modes"). */
export const REDIS_CALL_TIMEOUT_MS = 200;
/** How long an open circuit answers without Redis before one call tries it again. */
export const REDIS_RETRY_AFTER_MS = 2_000;

/**
 * A circuit breaker in front of Redis: a call that fails or takes longer than
 * REDIS_CALL_TIMEOUT_MS opens it, and for REDIS_RETRY_AFTER_MS calls get their fallback
 * at once (a cache miss, a skipped store) instead of waiting on a Redis that is down or
 * hung; then calls try Redis again, and the first that succeeds closes it. Opening and
 * closing are logged once each; `available` feeds /ready's detail and /metrics.
 */
export class RedisCircuit {
  #open = false;
  #retryAt = 0;
  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs = REDIS_CALL_TIMEOUT_MS,
    private readonly retryAfterMs = REDIS_RETRY_AFTER_MS,
  ) {}

  get available(): boolean {
    return !this.#open;
  }

  async call<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    if (this.#open && Date.now() < this.#retryAt) return fallback;
    // Only a call made while open (a probe) may close the circuit: one still in flight from before proves nothing.
    const probe = this.#open;
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        work(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]);
      if (this.#open && probe) {
        this.#open = false;
        this.logger.info("Redis answers again: the response cache is back on");
      }
      return result;
    } catch (error) {
      if (!this.#open) this.logger.warn({ err: error }, "Redis is unreachable or slow: answering from PostgreSQL with the response cache off until it is back");
      this.#open = true;
      this.#retryAt = Date.now() + this.retryAfterMs;
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }
}
