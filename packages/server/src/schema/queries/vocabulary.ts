import type { FieldPlan, OrderTerm } from "../../read/plan.ts";
import { BY_NAME, BY_POSITION, by } from "../../read/plans.ts";
import { connectionOf } from "../../read/planned-types.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { ident } from "../../read/sql.ts";
import { MaterialNode } from "../material.ts";
import { ProcessStepNode } from "../process-step.ts";
import { SourceNode } from "../source.ts";
import { rowBySlug } from "./filters.ts";

/** Every row of a table, as a connection. */
const all = (table: string, orderBy: readonly OrderTerm[]): FieldPlan => ({ kind: "connection", table, rows: () => ({ from: ident(table), orderBy }) });

plannedQueryFields((t) => ({
  processSteps: t.connection(connectionOf(ProcessStepNode, "ProcessStep"), all("ProcessStep", BY_POSITION), {
    description: "The shared vocabulary of process steps, in canonical order.",
  }),
  processStep: t.field(ProcessStepNode, rowBySlug("ProcessStep"), { nullable: true, args: { slug: t.t.arg.string({ required: true }) } }),
  materials: t.connection(connectionOf(MaterialNode, "Material"), all("Material", BY_NAME), { description: "Materials, by name." }),
  source: t.field(SourceNode, rowBySlug("Source"), { nullable: true, args: { slug: t.t.arg.string({ required: true }) } }),
  sources: t.connection(connectionOf(SourceNode, "Source"), all("Source", [by("title")]), {
    description: "Every source the graph cites, by title.",
  }),
}));
