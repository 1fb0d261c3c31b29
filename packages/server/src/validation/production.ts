import { z } from "zod";
import {
  checkOrdered,
  count,
  countryCode,
  expectedVersion,
  longText,
  notNull,
  positiveInt,
  PRODUCTION_SLUG_MAX,
  reference,
  ROUTE_MAX,
  shortText,
  slug,
  year,
} from "./fields.ts";

const routeStep = z.strictObject({
  step: reference,
  position: positiveInt,
  technique: shortText.nullish(),
});

/**
 * A route is the ordered steps made at one place: positions 1..n, each once, and each
 * step once (the ProductionStep unique keys say the same).
 */
export const routeSchema = z
  .array(routeStep)
  .max(ROUTE_MAX, `must have at most ${ROUTE_MAX} steps`)
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

const optionalFields = {
  labelClaim: shortText.nullish(),
  annualVolume: count.nullish(),
  startYear: year.nullish(),
  endYear: year.nullish(),
  notes: longText.nullish(),
};

export const recordProductionSchema = z
  .strictObject({
    slug: slug(PRODUCTION_SLUG_MAX).nullish(),
    model: reference,
    factory: reference.nullish(),
    country: countryCode.nullish(),
    route: routeSchema.nullish(),
    ...optionalFields,
  })
  .superRefine((production, ctx) => {
    checkOrdered(production, ctx, "startYear", "endYear");
    if (production.factory == null && production.country == null) {
      ctx.addIssue({ code: "custom", path: ["country"], message: "is required when no factory is named" });
    }
  });

export const updateProductionSchema = z
  .strictObject({
    id: reference,
    expectedVersion,
    slug: notNull(slug(PRODUCTION_SLUG_MAX)),
    factory: reference.nullish(),
    country: notNull(countryCode),
    route: notNull(routeSchema),
    ...optionalFields,
  })
  .superRefine((production, ctx) => checkOrdered(production, ctx, "startYear", "endYear"));
