import type { Prisma } from "@solegraph/db";
import { z } from "zod";
import { builder } from "../builder.ts";
import { resolveReference } from "./references.ts";

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];
type InputType = Parameters<InputFieldBuilder["field"]>[0]["type"];

/**
 * One writable field of an entity, declared once: its GraphQL input type, the rule a
 * value follows (from @solegraph/db's rules, which the seed uses too), and where it
 * goes. The create and update input types, their validation and the columns a write
 * sets are all derived from these.
 */
export interface WritableField {
  readonly type: InputType;
  /** The rule a given, non-null value must follow; its transforms (trim, upper-case) apply. */
  readonly rule?: z.ZodType;
  /** Required on create, and then never cleared (null) on update. */
  readonly required?: boolean;
  readonly description?: string;
  /** The column it sets, when it is not the field's name (e.g. `country` → countryCode). */
  readonly column?: string;
  /** The value names a row of this GraphQL type (slug or global ID); the column gets its id. */
  readonly references?: string;
  /** Set once, when the entity is created (e.g. a production's model). */
  readonly createOnly?: boolean;
  /** The write sets it itself (e.g. a production's route); `column` then only names it in errors. */
  readonly virtual?: boolean;
}

export type WritableFields = Readonly<Record<string, WritableField>>;

/** A reference to another entity: its slug or its global ID (curation/references.ts). */
export const referenceRule = z.string().trim().min(1, "must not be blank").max(200, "must be at most 200 characters");

const NOT_NULL = "cannot be null; leave it out to keep the current value";

/**
 * The rules of an input's fields as one object schema, so that every problem of an
 * input is reported at once (field by field, the validation plugin stops at the first).
 * Fields left out or null are the GraphQL type's business (required or not).
 */
export function inputRules(fields: Readonly<Record<string, { readonly rule?: z.ZodType | undefined }>>) {
  return z.looseObject(Object.fromEntries(Object.entries(fields).flatMap(([key, field]) => (field.rule ? [[key, field.rule.nullish()]] : []))));
}

/** Then rules across fields, which see the values each field's rule produced. */
function withRules(fieldRules: z.ZodType, across: z.ZodType | undefined): z.ZodType {
  return across ? fieldRules.pipe(across as z.ZodType<unknown, unknown>) : fieldRules;
}

/** `Create<Name>Input`: required fields required, the others optional. */
export function createInputType(name: string, fields: WritableFields, options: { description?: string; validate?: z.ZodType } = {}) {
  return builder.inputType(name, {
    ...(options.description && { description: options.description }),
    fields: (t) =>
      Object.fromEntries(
        Object.entries(fields).map(([key, field]) => [key, t.field({ type: field.type, required: field.required ?? false, ...described(field) })]),
      ),
    validate: withRules(inputRules(fields), options.validate),
  });
}

/**
 * `Update<Name>Input`: the entity's `id` (slug or global ID) and the `expectedVersion`
 * read, then every field optional. Left out keeps a value, null clears an optional one.
 */
export function updateInputType(name: string, label: string, fields: WritableFields, options: { description?: string; validate?: z.ZodType } = {}) {
  const updatable = Object.entries(fields).filter(([, field]) => !field.createOnly);
  const required = updatable.filter(([, field]) => field.required).map(([key]) => key);
  const rules = inputRules({ id: { rule: referenceRule }, expectedVersion: { rule: expectedVersionRule }, ...Object.fromEntries(updatable) }).superRefine(
    (input, ctx) => {
      for (const key of required) if (input[key] === null) ctx.addIssue({ code: "custom", path: [key], message: NOT_NULL });
    },
  );
  return builder.inputType(name, {
    description: options.description ?? "Fields left out keep their value; null clears an optional one.",
    fields: (t) => ({
      id: t.id({ required: true, description: `The ${label}'s global ID or slug.` }),
      expectedVersion: t.int({ required: true, description: "The `version` you read." }),
      ...Object.fromEntries(updatable.map(([key, field]) => [key, t.field({ type: field.type, ...described(field) })])),
    }),
    validate: withRules(rules, options.validate),
  });
}

export const expectedVersionRule = z.number().int().min(1, "must be at least 1");

function described(field: WritableField) {
  return field.description ? { description: field.description } : {};
}

/**
 * The columns a write sets from an input: fields given (null included), under their
 * column names, references resolved to ids (each unknown one a NotFoundError on its
 * field). Virtual fields are left to the caller.
 */
export async function columnsFrom(tx: Prisma.TransactionClient, fields: WritableFields, input: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const columns: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = input[key];
    if (value === undefined || field.virtual) continue;
    columns[field.column ?? key] =
      field.references && value !== null ? await resolveReference(tx, field.references, String(value), ["input", key]) : value;
  }
  return columns;
}

/** Input field names by table and column, for reading the database's refusals (constraint-errors.ts). */
const fieldsByColumn = new Map<string, string>();
/** Writable field names by table: what a citation's `supports` may name. */
const fieldNames = new Map<string, string[]>();

export function registerColumns(model: string, fields: WritableFields): void {
  for (const [key, field] of Object.entries(fields)) fieldsByColumn.set(`${model}.${field.column ?? key}`, key);
}

/** Declares an entity's writable fields (its curated mutations do). */
export function registerFields(model: string, fields: WritableFields): void {
  registerColumns(model, fields);
  fieldNames.set(model, Object.keys(fields).filter((name) => name !== "citations"));
}

export function writableFieldNames(model: string): readonly string[] {
  return fieldNames.get(model) ?? [];
}

export function inputFieldOf(model: string, column: string): string {
  return fieldsByColumn.get(`${model}.${column}`) ?? column;
}
