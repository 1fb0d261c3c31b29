import { constraintViolation } from "@solegraph/db";
import { ConflictError, NotFoundError, ValidationError, type CurationError } from "./errors.ts";

/**
 * The database's refusals as curation errors. Validation and the resolvers catch almost
 * everything first, with better messages; this covers what only the database can decide
 * at commit time: a slug taken by a concurrent writer, a country code the Country table
 * lacks, a dependent row inserted between a check and a delete. Paths name the mutation's
 * `input` fields.
 */
export function curationErrorFromDatabase(error: unknown): CurationError | undefined {
  const violation = constraintViolation(error);
  if (!violation) return undefined;
  const constraint = violation.constraint ?? "";
  switch (violation.kind) {
    case "unique": {
      const field = UNIQUE_FIELDS[constraint] ?? (constraint.endsWith("_slug_key") ? "slug" : undefined);
      return new ConflictError(
        field ? `That ${field} is already taken.` : "An entity with these values already exists.",
        "ALREADY_EXISTS",
        field ? ["input", field] : ["input"],
      );
    }
    case "foreign-key":
      // PostgreSQL words a refused delete "update or delete on table ... violates ...".
      if (/^update or delete on table/.test(violation.message)) {
        return new ConflictError("Other entities still refer to this one; remove them first.", "HAS_DEPENDENTS", ["input", "id"]);
      }
      if (/_countryCode_fkey$/.test(constraint) && constraint !== "Production_factoryId_countryCode_fkey") {
        return ValidationError.at(["input", "country"], "is not a known ISO 3166-1 alpha-2 country code");
      }
      return new NotFoundError("An entity this write refers to no longer exists.", ["input"], constraint);
    case "check": {
      const known = CHECK_ISSUES[constraint] ?? CHECK_ISSUES[constraint.replace(/^[A-Za-z]+_/, "")];
      const field = known?.field ?? /^[A-Za-z]+_([A-Za-z]+)_/.exec(constraint)?.[1] ?? "";
      return ValidationError.at(field ? ["input", field] : ["input"], known?.message ?? `violates ${constraint}`);
    }
    case "not-null":
      return undefined;
  }
}

const UNIQUE_FIELDS: Record<string, string> = {
  ProcessStep_position_key: "position",
  Production_modelId_factoryId_key: "factory",
  ProductionStep_productionId_stepId_key: "route",
  ProductionStep_productionId_position_key: "route",
  BrandSource_pkey: "source",
  SneakerModelSource_pkey: "source",
  FactorySource_pkey: "source",
  ProductionSource_pkey: "source",
};

/** By constraint name, or without its table prefix (the CHECKs in prisma/migrations). */
const CHECK_ISSUES: Record<string, { field?: string; message: string }> = {
  Factory_years_ordered: { field: "closedYear", message: "must not be before the opening year" },
  Production_years_ordered: { field: "endYear", message: "must not be before the start year" },
  slug_format: { message: "must be lowercase letters and digits in words joined by single hyphens" },
  name_nonblank: { message: "must not be blank" },
  title_nonblank: { message: "must not be blank" },
  foundedYear_range: { message: "must be between 1800 and 2100" },
  releaseYear_range: { message: "must be between 1800 and 2100" },
  openedYear_range: { message: "must be between 1800 and 2100" },
  closedYear_range: { message: "must be between 1800 and 2100" },
  startYear_range: { message: "must be between 1800 and 2100" },
  endYear_range: { message: "must be between 1800 and 2100" },
  closed_has_status: { field: "status", message: "must be CLOSED when the factory has a closing year" },
  workforce_nonnegative: { message: "must not be negative" },
  floorAreaSqFt_positive: { message: "must be at least 1" },
  weeklyCapacityPairs_nonnegative: { message: "must not be negative" },
  annualVolume_nonnegative: { message: "must not be negative" },
  position_positive: { message: "must be at least 1" },
  url_http: { message: "must be an absolute http:// or https:// URL without spaces" },
};
