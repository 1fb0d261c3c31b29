import { rules, type Prisma } from "@solegraph/db";
import { z } from "zod";
import { builder } from "../../builder.ts";
import { referenceRule } from "../../curation/input-fields.ts";
import { resolveReference } from "../../curation/references.ts";

const { ProductionStep } = rules.COLUMNS;

export const RouteStepInput = builder.inputType("RouteStepInput", {
  description: "One step of a production's route.",
  fields: (t) => ({
    step: t.id({ required: true, description: "The process step's slug (e.g. \"lasting\") or global ID." }),
    position: t.int({ required: true, description: "1-based; a route's positions run 1..n without gaps." }),
    technique: t.string({ description: "How the step is done here, e.g. \"strobel stitching\"." }),
  }),
});

interface RouteStep {
  readonly step: string;
  readonly position: number;
  readonly technique?: string | null | undefined;
}

/**
 * A route is the ordered steps made at one place: positions 1..n, each once, and each
 * step once (the ProductionStep unique keys say the same).
 */
export const routeRule = z
  .array(z.object({ step: referenceRule, position: ProductionStep.position, technique: ProductionStep.technique.nullish() }))
  .max(rules.ROUTE_MAX, `must have at most ${rules.ROUTE_MAX} steps`)
  .superRefine((steps, ctx) => {
    const positions = new Map<number, number>();
    const stepRefs = new Map<string, number>();
    steps.forEach((step, index) => {
      const samePosition = positions.get(step.position);
      if (samePosition !== undefined) {
        ctx.addIssue({ code: "custom", path: [index, "position"], message: `position ${step.position} is also given to step ${samePosition + 1} of the route` });
      } else if (step.position > steps.length) {
        ctx.addIssue({
          code: "custom",
          path: [index, "position"],
          message: `positions must run 1..${steps.length} without gaps for a ${steps.length}-step route (got ${step.position})`,
        });
      }
      positions.set(step.position, index);
      const sameStep = stepRefs.get(step.step);
      if (sameStep !== undefined) {
        ctx.addIssue({ code: "custom", path: [index, "step"], message: `"${step.step}" is already step ${sameStep + 1} of the route` });
      }
      stepRefs.set(step.step, index);
    });
  });

/**
 * Writes a production's route, step by step in the caller's transaction. Each step's
 * reference is resolved as it is written: an unknown step fails the whole transaction,
 * so a production is never left with part of its route.
 */
export async function writeRoute(tx: Prisma.TransactionClient, productionId: number, route: readonly RouteStep[]): Promise<void> {
  for (const [index, { step, position, technique }] of route.entries()) {
    const stepId = await resolveReference(tx, "ProcessStep", step, ["input", "route", String(index), "step"]);
    await tx.productionStep.create({ data: { productionId, stepId, position, technique: technique ?? null } });
  }
}
