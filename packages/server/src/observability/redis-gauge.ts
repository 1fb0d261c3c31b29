import { Gauge, type Registry } from "prom-client";
import type { SharedState } from "../fleet/shared-state.ts";

/** `solegraph_redis_available`: 1 while Redis answers (or none is configured), 0 while the cache is off without it. */
export function registerRedisGauge(registry: Registry, shared: SharedState): void {
  if (registry.getSingleMetric("solegraph_redis_available")) return;
  new Gauge({
    name: "solegraph_redis_available",
    help: "Whether the shared response cache's Redis answers (1), or the server answers without it (0: Redis down or slow; see the README, Failure modes).",
    registers: [registry],
    collect() {
      this.set(shared.redis() === "down" ? 0 : 1);
    },
  });
}
