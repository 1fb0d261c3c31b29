export { importFacilityList, type FacilityListImport } from "./import.ts";
export { FacilityListError, type FacilityListReport, type FacilityListSummary, type RowOutcome, type RowOutcomeKind, type MatchReason, type FacilityListOption } from "./outcome.ts";
export { MATCH_RADIUS_KM } from "./match.ts";
export { boundingBox, distanceKm, type BoundingBox } from "./geo.ts";
export { countryCodeOf } from "./countries.ts";
export { fingerprintOf } from "./fingerprint.ts";
export { LAYOUT_NAMES, LIST_FIELDS, readColumnsFile, type ListField } from "./layouts/index.ts";
export { listDateOf } from "./list-date.ts";
