export { importFacilityList, type FacilityListImport } from "./import.ts";
export { FacilityListError, type FacilityListReport, type FacilityListSummary, type RowOutcome, type RowOutcomeKind, type MatchReason } from "./outcome.ts";
export { MATCH_RADIUS_KM } from "./match.ts";
export { boundingBox, distanceKm, type BoundingBox } from "./geo.ts";
export { countryCodeOf } from "./countries.ts";
export { fingerprintOf } from "./fingerprint.ts";
