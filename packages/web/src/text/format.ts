import type { FactoryStatus, MadeInStatus, ProductionEvidence, SourceKind, VerdictBasis } from "@solegraph/sdk";

/**
 * The short answer to "made in …?". A claim is never shown as a yes, and silence is
 * never shown as a no.
 */
export const STATUS_ANSWER: Readonly<Record<MadeInStatus, string>> = {
  YES: "Yes",
  PARTLY: "Partly",
  CLAIMED: "Claimed, not shown",
  NO: "No",
  UNKNOWN: "Unknown",
};

/** What an answer rests on, as a badge. */
export const BASIS_TEXT: Readonly<Record<VerdictBasis, { readonly label: string }>> = {
  REPORTED: { label: "Reported" },
  CLAIMED_ONLY: { label: "Only claimed" },
  CONFLICTING: { label: "Sources disagree" },
  NONE: { label: "Nothing recorded" },
};

/** What the answer rests on, in words a shopper reads: the point of the page. */
export function verdictExplanation(status: MadeInStatus, basis: VerdictBasis): string {
  if (basis === "CONFLICTING") {
    return status === "UNKNOWN"
      ? "Claims say it is made there and claims say it is not, and no independent source reports it: read both sides below."
      : "Independent sources report production there, but a claim says otherwise: read both sides below.";
  }
  switch (status) {
    case "YES":
    case "PARTLY":
      return "Independent sources (news, editorial, community) report production there: a passage names the model or its line and the factory or its town.";
    case "CLAIMED":
      return "No independent source reports a production there. Only the claims below say so: the brand, its marketing, or a source that names no factory.";
    case "NO":
      return basis === "REPORTED" ? "An independent source says it is not made there." : "Only the brand's own word says it is not made there.";
    case "UNKNOWN":
      return "No source in the graph says whether it is made there. That is not a no: nothing is recorded either way.";
  }
}

export const EVIDENCE_LABEL: Readonly<Record<ProductionEvidence, string>> = {
  REPORTED: "reported by an independent source",
  CLAIMED_ONLY: "cited only by the brand or marketing copy",
};

export const SOURCE_KIND_LABEL: Readonly<Record<SourceKind, string>> = {
  NEWS: "News",
  EDITORIAL: "Editorial",
  COMMUNITY: "Community",
  BRAND: "Brand",
  MARKETING: "Marketing",
  FACILITY_LIST: "Facility list",
};

export const FACTORY_STATUS_LABEL: Readonly<Record<FactoryStatus, string>> = {
  OPERATING: "Operating",
  PLANNED: "Planned",
  CLOSED: "Closed",
};

interface Place {
  /** Null for factories from facility lists that give only an address. */
  readonly city: string | null;
  readonly region: string | null;
  readonly country: { readonly name: string };
}

/** "Lawrence, Massachusetts, United States of America". */
export function placeText({ city, region, country }: Place): string {
  return [city, region, country.name].filter((part): part is string => Boolean(part)).join(", ");
}

interface FactoryDates {
  readonly status: FactoryStatus;
  readonly openedYear: number | null;
  readonly plannedOpeningYear: number | null;
  readonly closedYear: number | null;
}

/** Status with its dates, saying plainly when a date is unknown. */
export function factoryDatesText({ status, openedYear, plannedOpeningYear, closedYear }: FactoryDates): string {
  switch (status) {
    case "PLANNED":
      return plannedOpeningYear ? `Planned, to open in ${plannedOpeningYear}` : "Planned (opening year unknown)";
    case "CLOSED":
      return [`Closed${closedYear ? ` in ${closedYear}` : " (year unknown)"}`, openedYear ? `opened in ${openedYear}` : undefined]
        .filter(Boolean)
        .join("; ");
    case "OPERATING":
      return openedYear ? `Operating since ${openedYear}` : "Operating (opening year unknown)";
  }
}

/** "1,234" in the reader's own number format. */
export function formatNumber(value: number): string {
  return value.toLocaleString();
}

/** A field name as words: "workforceYear" → "workforce year". */
export function fieldWords(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}
