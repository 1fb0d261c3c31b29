import { builder } from "../builder.ts";
import type { FieldPlan } from "./plan.ts";
import { PlannedFields, type PlannedRow } from "./planned-types.ts";

/**
 * Root Query fields with read plans: `fields` receives the same builder planned types
 * use. Root plans have no parent row.
 */
export function plannedQueryFields(fields: (t: PlannedFields) => Record<string, ReturnType<PlannedFields["field"]>>): void {
  builder.queryFields((t) => fields(new PlannedFields(t as unknown as ConstructorParameters<typeof PlannedFields>[0])));
}

export type { FieldPlan, PlannedRow };
