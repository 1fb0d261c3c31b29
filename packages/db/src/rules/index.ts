export * from "./fields.ts";
export { COLUMNS, type ColumnRules } from "./columns.ts";
export { constraintRule, type ConstraintRule } from "./constraints.ts";
export { INDEPENDENT_SOURCE_KINDS, isIndependent, isVerbatim } from "./sources.ts";
export * from "./passages.ts";
