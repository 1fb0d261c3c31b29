import type { ZodError } from "zod";
import { ValidationError } from "../curation/errors.ts";

/** The zod plugin's failures as the ValidationError mutations return (builder.ts). */
export function validationErrorFromZod(error: ZodError): ValidationError {
  return new ValidationError(
    error.issues.map((issue) => ({ path: issue.path.map((part) => String(part)), message: issue.message })),
  );
}
