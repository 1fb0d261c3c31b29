import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../curation/errors.ts";

const ERROR_TYPES = [ValidationError, NotFoundError, ConflictError, ForbiddenError];

/**
 * Every mutation returns `<Name>Result`: its `<Name>Payload` (the written entity under
 * `dataField`) or one of the curation errors.
 */
export function mutationResult(name: string, dataField: string) {
  return {
    types: ERROR_TYPES,
    union: { name: `${name}Result` },
    result: { name: `${name}Payload` },
    dataField: { name: dataField },
  };
}

/**
 * The same for a mutation whose resolver returns its own `<Name>Payload` object: needed
 * when the payload holds a union member, whose type brand would otherwise be mistaken
 * for the result's.
 */
export function mutationPayloadResult(name: string) {
  return { types: ERROR_TYPES, union: { name: `${name}Result` }, directResult: true } as const;
}
