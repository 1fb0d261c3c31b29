import { builder } from "../builder.ts";
import {
  ConflictError,
  CurationError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from "./errors.ts";

// The errors a mutation can return in its result union (curation/payloads.ts).

const MutationErrorInterface = builder.interfaceRef<CurationError>("MutationError").implement({
  description: "Why a mutation wrote nothing. Select `... on MutationError { message }` for any of them.",
  fields: (t) => ({
    message: t.exposeString("message"),
  }),
});

const ValidationIssueRef = builder.objectRef<ValidationIssue>("ValidationIssue").implement({
  description: "One problem with the input.",
  fields: (t) => ({
    path: t.exposeStringList("path", { description: "Where in the arguments, e.g. [\"input\", \"route\", \"2\", \"position\"]." }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "The input breaks a rule (format, range, length, ...); every problem found is listed.",
  interfaces: [MutationErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], resolve: (error) => error.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "A slug or ID in the input names nothing.",
  interfaces: [MutationErrorInterface],
  fields: (t) => ({
    path: t.exposeStringList("path", { description: "The argument that named it." }),
    reference: t.exposeString("reference", { description: "The slug or ID that was not found." }),
  }),
});

const ConflictReasonEnum = builder.enumType("ConflictReason", {
  values: {
    ALREADY_EXISTS: { description: "A unique value (slug, position, citation, model at a factory) is taken." },
    STALE_VERSION: { description: "The entity changed since the version you sent: read it again." },
    HAS_DEPENDENTS: { description: "Other entities still refer to it; delete them first." },
    LAST_CITATION: { description: "It is the fact's last citation; factories and productions always cite at least one source." },
  } as const,
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  description: "The write conflicts with what is stored.",
  interfaces: [MutationErrorInterface],
  fields: (t) => ({
    reason: t.field({ type: ConflictReasonEnum, resolve: (error) => error.reason }),
    path: t.exposeStringList("path", { description: "The argument the conflict is about." }),
    currentVersion: t.exposeInt("currentVersion", { nullable: true, description: "For STALE_VERSION: the version stored now." }),
  }),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The token is valid but lacks the scope this needs.",
  interfaces: [MutationErrorInterface],
  fields: (t) => ({
    requiredScope: t.exposeString("requiredScope"),
  }),
});
