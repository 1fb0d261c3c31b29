/**
 * The share of latencies within a bound. Responsiveness tests assert that nearly every
 * answer comes within the bound rather than every one: on a shared two-core machine
 * (other test files, type checks, CI's other jobs) a check may now and then wait for
 * another process, which says nothing about the server.
 */
export function withinMs(latencies: readonly number[], bound: number): number {
  return latencies.filter((ms) => ms < bound).length / latencies.length;
}
