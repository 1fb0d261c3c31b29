import { constraintViolation, rules } from "@solegraph/db";
import { ConflictError, NotFoundError, ValidationError, type CurationError } from "./errors.ts";
import { inputFieldOf } from "./input-fields.ts";

/**
 * The database's refusals as curation errors. Validation and the resolvers catch almost
 * everything first, with better messages; this covers what only the database can decide
 * at commit time: a slug taken by a concurrent writer, a country code the Country table
 * lacks, a dependent row inserted between a check and a delete. Each constraint is read
 * through its rule (@solegraph/db rules/constraints.ts) and reported on the input field
 * that sets its column.
 */
export function curationErrorFromDatabase(error: unknown): CurationError | undefined {
  const violation = constraintViolation(error);
  if (!violation) return undefined;
  const constraint = violation.constraint ?? "";
  switch (violation.kind) {
    case "unique": {
      const rule = rules.constraintRule(constraint);
      const field = rule?.column && inputFieldOf(rule.table, rule.column);
      return new ConflictError(
        field ? `That ${field} is already taken.` : "An entity with these values already exists.",
        "ALREADY_EXISTS",
        field ? ["input", field] : ["input"],
      );
    }
    case "foreign-key": {
      // PostgreSQL words a refused delete "update or delete on table ... violates ...".
      if (/^update or delete on table/.test(violation.message)) {
        return new ConflictError("Other entities still refer to this one; remove them first.", "HAS_DEPENDENTS", ["input", "id"]);
      }
      const countryKey = /^([A-Za-z]+)_(countryCode|originCountryCode)_fkey$/.exec(constraint);
      if (countryKey) return ValidationError.at(["input", inputFieldOf(countryKey[1]!, countryKey[2]!)], rules.MESSAGES.unknownCountry);
      return new NotFoundError("An entity this write refers to no longer exists.", ["input"], constraint);
    }
    case "check": {
      // The deferred citation check (a concurrent uncite took the other citation).
      if (constraint.endsWith("_cited")) {
        return new ConflictError("The write would leave a fact without any citation; every factory and production cites a source.", "LAST_CITATION", ["input"]);
      }
      const rule = rules.constraintRule(constraint);
      if (!rule) return ValidationError.at(["input"], `violates ${constraint}`);
      return ValidationError.at(rule.column ? ["input", inputFieldOf(rule.table, rule.column)] : ["input"], rule.message);
    }
    case "not-null":
      return undefined;
  }
}
