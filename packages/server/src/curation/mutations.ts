import type { z } from "zod";
import { builder } from "../builder.ts";
import type { AuthenticatedContext } from "../context.ts";
import type { PlannedRef } from "../read/planned-types.ts";
import { delegateOf, snapshotOf, type Entity } from "./entity.ts";
import { columnsFrom, createInputType, registerFields, updateInputType, type WritableFields } from "./input-fields.ts";
import { CitationInput, citationsRule, writeCitations, type CitationValue } from "./citation-input.ts";
import { deletedPayload, entityPayload, payloadResult } from "./payloads.ts";
import { resolveReference } from "./references.ts";
import { deleteVersioned, updateVersioned } from "./versioned.ts";
import { DeleteInput } from "./delete-input.ts";
import { runWrite, writeAndRead, type Write } from "./write.ts";

/** Runs after the main write of an update or delete, in its transaction (cascades' audit records, ...). */
export type AfterWrite = () => Promise<void>;

type Input = Readonly<Record<string, unknown>>;

export interface CurationOptions {
  readonly entity: Entity;
  /** The planned type payloads return the entity as (its GraphQL node type). */
  readonly node: PlannedRef;
  /** The payloads' field holding it, e.g. "brand". */
  readonly payloadField: string;
  readonly fields: WritableFields;
  readonly create?: {
    readonly name: string;
    readonly description: string;
    readonly inputDescription?: string;
    /** Rules across fields of the input (after each field's own). */
    readonly validate?: z.ZodType;
    /** Writes the entity and returns its id; by default one insert of the columns. */
    readonly write?: (write: Write, input: Input, columns: Record<string, unknown>) => Promise<number>;
  };
  readonly update?: {
    readonly name: string;
    readonly description: string;
    readonly inputDescription?: string;
    readonly validate?: z.ZodType;
    /** Runs before the versioned update: may change its columns, and return what to do after. */
    readonly before?: (write: Write, target: { id: number; input: Input; columns: Record<string, unknown> }) => Promise<AfterWrite | void>;
    /** Writes what else belongs to the entity (e.g. its route), after the row, before the audit record. */
    readonly alongside?: (write: Write, target: { id: number; input: Input }) => Promise<void>;
  };
  readonly delete?: {
    readonly name: string;
    readonly description: string;
    /** Runs before the versioned delete (refusals, cascades' snapshots); what it returns runs after the delete, before its audit record. */
    readonly before?: (write: Write, target: { id: number; reference: string }) => Promise<AfterWrite | void>;
  };
}

/**
 * An entity's create, update and delete mutations from its writable fields: input
 * types with validation, the token's `curate` scope, one transaction with its audit
 * record, versioned updates and deletes, and payloads read through the planner.
 */
export function curatedMutations(options: CurationOptions): void {
  const { entity, create, update } = options;
  const fields: WritableFields = entity.citations?.required
    ? {
        ...options.fields,
        citations: {
          type: [CitationInput],
          rule: citationsRule,
          required: true,
          createOnly: true,
          virtual: true,
          description: `The sources backing the ${entity.label}: at least one (a ${entity.label} always cites a source).`,
        },
      }
    : options.fields;
  registerFields(entity.model, fields);
  const remove = options.delete;

  if (create) {
    const Name = capitalized(create.name);
    const Input = createInputType(`${Name}Input`, fields, { ...(create.inputDescription && { description: create.inputDescription }), ...(create.validate && { validate: create.validate }) });
    const Payload = entityPayload(Name, options.payloadField, options.node);
    builder.mutationField(create.name, (t) =>
      t.field({
        requiresScope: "curate",
        type: Payload,
        description: `${create.description} Needs a token with the \`curate\` scope.`,
        errors: payloadResult(Name),
        args: { input: t.arg({ type: Input, required: true }) },
        resolve: (_root, args, context, info) =>
          writeAndRead(context as AuthenticatedContext, info, `${Name}Payload`, entity.model, async (write) => {
            const input = args.input as Input;
            const columns = await columnsFrom(write.tx, fields, input);
            const id = create.write ? await create.write(write, input, columns) : ((await delegateOf(write.tx, entity.model).create({ data: columns, select: { id: true } }))["id"] as number);
            if (entity.citations?.required) await writeCitations(write, entity, id, input["citations"] as readonly CitationValue[], ["input", "citations"]);
            await write.audit({ entityType: entity.changeType, entityId: id, action: "CREATE", after: await snapshotOf(write.tx, entity, id) });
            return id;
          }),
      }),
    );
  }

  if (update) {
    const Name = capitalized(update.name);
    const Input = updateInputType(`${Name}Input`, entity.label, fields, {
      ...(update.inputDescription && { description: update.inputDescription }),
      ...(update.validate && { validate: update.validate }),
    });
    const Payload = entityPayload(Name, options.payloadField, options.node);
    builder.mutationField(update.name, (t) =>
      t.field({
        requiresScope: "curate",
        type: Payload,
        description: `${update.description} Applies only while it is at \`expectedVersion\` (else a STALE_VERSION conflict).`,
        errors: payloadResult(Name),
        args: { input: t.arg({ type: Input, required: true }) },
        resolve: (_root, args, context, info) =>
          writeAndRead(context as AuthenticatedContext, info, `${Name}Payload`, entity.model, async (write) => {
            const { id: reference, expectedVersion, ...input } = args.input as Input & { id: string; expectedVersion: number };
            const target = { entity, reference, expectedVersion };
            const id = await resolveReference(write.tx, entity, reference, ["input", "id"]);
            const columns = await columnsFrom(write.tx, fields, input);
            const after = await update.before?.(write, { id, input, columns });
            await updateVersioned(write, { ...target, id }, columns, update.alongside && (() => update.alongside!(write, { id, input })));
            await after?.();
            return id;
          }),
      }),
    );
  }

  if (remove) {
    const Name = capitalized(remove.name);
    builder.mutationField(remove.name, (t) =>
      t.field({
        requiresScope: "curate",
        type: "ID",
        description: `${remove.description} Applies only while it is at \`expectedVersion\` (else a STALE_VERSION conflict).`,
        errors: deletedPayload(Name),
        args: { input: t.arg({ type: DeleteInput, required: true }) },
        resolve: (_root, args, context) =>
          runWrite(context as AuthenticatedContext, async (write) => {
            const { id: reference, expectedVersion } = args.input;
            const id = await resolveReference(write.tx, entity, reference, ["input", "id"]);
            const after = await remove.before?.(write, { id, reference });
            return deleteVersioned(write, { entity, reference, expectedVersion, id }, after ?? undefined);
          }),
      }),
    );
  }
}

function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
