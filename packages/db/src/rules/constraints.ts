import { MESSAGES } from "./fields.ts";

/**
 * The database's constraints in the words of the rules they enforce: what a refusal by
 * each means, and which column it is about. Names follow the migrations' convention,
 * `<Table>_<column>_<rule>` for CHECKs and Prisma's `<Table>_<columns>_key` for unique
 * keys; the few that span columns are listed. A test checks that every constraint
 * in prisma/migrations is understood here.
 */
export interface ConstraintRule {
  readonly table: string;
  /** The column the refusal is about; undefined when it is about the row as a whole. */
  readonly column: string | undefined;
  readonly message: string;
}

/** CHECK rules by their suffix. */
const CHECKS: Record<string, string> = {
  format: MESSAGES.slug,
  nonblank: MESSAGES.blank,
  range: MESSAGES.year,
  nonnegative: MESSAGES.negative,
  positive: MESSAGES.positive,
  http: MESSAGES.httpUrl,
  paired: MESSAGES.paired,
  fragment: MESSAGES.locator,
};

/** Constraints the convention does not describe. */
const SPECIAL: Record<string, ConstraintRule> = {
  Factory_years_ordered: { table: "Factory", column: "closedYear", message: "must not be before the opening year" },
  Factory_closed_has_status: { table: "Factory", column: "status", message: "must be CLOSED when the factory has a closing year" },
  Production_years_ordered: { table: "Production", column: "endYear", message: "must not be before the start year" },
  Factory_planned_not_opened: { table: "Factory", column: "openedYear", message: "must be empty while the factory is PLANNED (give plannedOpeningYear)" },
  Claim_subject_one: { table: "Claim", column: "subject", message: "must name exactly one subject" },
  Claim_madeIn_country: { table: "Claim", column: "countryCode", message: "is required for a MADE_IN claim" },
  Claim_sharePercent_range: { table: "Claim", column: "sharePercent", message: MESSAGES.percent },
  Factory_femaleWorkersPercent_share: { table: "Factory", column: "femaleWorkersPercent", message: MESSAGES.percent },
  Factory_migrantWorkersPercent_share: { table: "Factory", column: "migrantWorkersPercent", message: MESSAGES.percent },
  BrandFactory_listedUntil_ordered: { table: "BrandFactory", column: "listedUntil", message: "must not be before listedFrom (and needs it)" },
  // Deferred constraint triggers: checked when the transaction commits.
  Factory_cited: { table: "Factory", column: "citations", message: "must cite at least one source" },
  Production_cited: { table: "Production", column: "citations", message: "must cite at least one source" },
  Factory_latitude_paired: { table: "Factory", column: "longitude", message: MESSAGES.coordinates },
  Factory_latitude_bounds: { table: "Factory", column: "latitude", message: MESSAGES.latitude },
  Factory_longitude_bounds: { table: "Factory", column: "longitude", message: MESSAGES.longitude },
  // A source states a brand's relation to a factory once.
  BrandFactory_pkey: { table: "BrandFactory", column: "sourceId", message: "already states this brand's relation to the factory" },
  Country_code_format: { table: "Country", column: "code", message: MESSAGES.countryCode },
  // Written by solegraph itself, never from a client's values.
  ApiToken_name_format: { table: "ApiToken", column: "name", message: "must be letters, digits, dots, dashes or underscores, starting with a letter or digit, at most 80 characters" },
  ApiToken_lookupId_format: { table: "ApiToken", column: "lookupId", message: "is malformed" },
  ApiToken_tokenHash_format: { table: "ApiToken", column: "tokenHash", message: "is malformed" },
  ApiToken_scopes_nonempty: { table: "ApiToken", column: "scopes", message: "must name at least one scope" },
  Change_has_snapshot: { table: "Change", column: undefined, message: "must record the entity before or after the write" },
  // The write generation (issue 25): one row, raised at commit by a trigger on Change.
  // The importer's own bookkeeping (ON CONFLICT DO NOTHING): a run lists a factory once.
  ImportRunListed_pkey: { table: "ImportRunListed", column: undefined, message: "already lists this factory" },
  WriteGeneration_one_row: { table: "WriteGeneration", column: undefined, message: "holds exactly one row" },
  Change_committed: { table: "Change", column: undefined, message: "could not raise the write generation at commit" },
  // Maintained by triggers on Factory (migration 20261208000000), never by a client.
  FactoryCount_pkey: { table: "FactoryCount", column: undefined, message: "already counts this country and status" },
  // Production's (factoryId, countryCode) foreign key points here.
  Factory_id_countryCode_key: { table: "Factory", column: undefined, message: "already exists" },
};

/** Citation tables' primary keys are (fact, source): citing a source twice. */
const CITATION_TABLES = new Set(["BrandSource", "SneakerModelSource", "FactorySource", "ProductionSource", "ProcessStepSource"]);

/** Unique keys whose column is not the last part of the name. */
const UNIQUE_COLUMNS: Record<string, string> = {
  Production_modelId_factoryId_key: "factoryId",
  ProductionStep_productionId_position_key: "position",
  ProductionStep_productionId_stepId_key: "stepId",
  ModelMaterial_modelId_materialId_component_key: "component",
};

export function constraintRule(name: string): ConstraintRule | undefined {
  const special = SPECIAL[name];
  if (special) return special;
  const check = /^([A-Za-z]+)_([A-Za-z]+)_([a-z]+)$/.exec(name);
  if (check && CHECKS[check[3]!]) return { table: check[1]!, column: check[2]!, message: CHECKS[check[3]!]! };
  const pkey = /^([A-Za-z]+)_pkey$/.exec(name);
  if (pkey && CITATION_TABLES.has(pkey[1]!)) return { table: pkey[1]!, column: "sourceId", message: "is already cited for this fact" };
  const unique = /^([A-Za-z]+)_([A-Za-z]+(?:_[A-Za-z]+)*)_key$/.exec(name);
  if (unique) {
    const column = UNIQUE_COLUMNS[name] ?? unique[2]!.split("_").at(-1)!;
    return { table: unique[1]!, column, message: "is already taken" };
  }
  return undefined;
}
