import { plannedObject, type PlannedRef } from "../read/planned-types.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./errors.ts";

const ERROR_TYPES = [ValidationError, NotFoundError, ConflictError, ForbiddenError];

/**
 * `<Name>Payload`: the written entity under `field`, read through the planner
 * (read/payload.ts), so it can be selected as deeply as in any query.
 */
export function entityPayload(name: string, field: string, node: PlannedRef): PlannedRef {
  return plannedObject(`${name}Payload`, {
    description: `What \`${name.charAt(0).toLowerCase()}${name.slice(1)}\` wrote.`,
    fields: (t) => ({ [field]: t.field(node, { kind: "nested" }) }),
  });
}

/** Every mutation returns `<Name>Result`: its payload, or one of the curation errors. */
export function payloadResult(name: string) {
  return { types: ERROR_TYPES, union: { name: `${name}Result` }, directResult: true } as const;
}

/** A delete's result: `<Name>Payload { deletedId }` or one of the curation errors. */
export function deletedPayload(name: string) {
  return {
    types: ERROR_TYPES,
    union: { name: `${name}Result` },
    result: { name: `${name}Payload` },
    dataField: { name: "deletedId" },
  };
}
