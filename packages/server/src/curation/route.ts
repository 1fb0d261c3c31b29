import type { Prisma } from "@solegraph/db";
import { resolveReference } from "./references.ts";

export interface RouteStepInput {
  readonly step: string;
  readonly position: number;
  readonly technique?: string | null | undefined;
}

/**
 * Writes a production's route, step by step in the caller's transaction. Each step's
 * reference is resolved as it is written: an unknown step fails the whole transaction,
 * so a production is never left with part of its route.
 */
export async function writeRoute(tx: Prisma.TransactionClient, productionId: number, route: readonly RouteStepInput[]): Promise<void> {
  for (const [index, { step, position, technique }] of route.entries()) {
    const stepId = await resolveReference(tx, "ProcessStep", step, ["input", "route", String(index), "step"]);
    await tx.productionStep.create({ data: { productionId, stepId, position, technique: technique ?? null } });
  }
}
