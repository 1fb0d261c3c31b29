import { builder } from "../../builder.ts";
import {
  citationsOfVerdict,
  conflictingClaims,
  countriesOfModels,
  factoriesOfVerdict,
  labelClaimsOfVerdict,
  oneCountry,
  productionsOfVerdict,
  supportingClaims,
  verdicts,
  volumeShareOfVerdict,
} from "../../provenance/made-in.ts";
import type { FieldPlan } from "../../read/plan.ts";
import { plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { belongsTo, by, columnValue, computed } from "../../read/plans.ts";
import type { Sql } from "../../read/sql.ts";
import { VerdictBasisEnum } from "../../schema/enums.ts";
import { ClaimNode } from "../claim/type.ts";
import { CountryRef } from "../country/type.ts";
import { FactoryNode } from "../factory/type.ts";
import { ProductionNode } from "../production/type.ts";
import { Citation } from "../source/type.ts";

const MadeInStatusEnum = builder.enumType("MadeInStatus", {
  description:
    "Whether a model (or a series) is made in a country, saying only what its sources show; `basis` says what the answer rests on.",
  values: {
    YES: { description: "Independent sources report it made there (a passage names the model or its line and the factory or its town), and nowhere else." },
    PARTLY: { description: "Independent sources report it made there and elsewhere too." },
    CLAIMED: {
      description:
        "Said to be made there (by the brand, its marketing, or a source that names no factory), but no independent source reports a production there. Not a yes.",
    },
    NO: { description: "A source says it is not made there, and nothing reports it there. Productions recorded elsewhere alone are not a no." },
    UNKNOWN: { description: "Nothing recorded says either way (absence of records is not a no), or claims contradict each other." },
  },
});

/**
 * The verdict's row (provenance/made-in.ts): "modelIds", "countryCode", status, basis.
 * Its fields read their lists from it.
 */
export const MadeInVerdictRef: PlannedRef = plannedObject("MadeInVerdict", {
  description:
    "Is it made in a country? A verdict computed from the recorded productions and the claims sources make, " +
    "with what it rests on (`basis`), the factories and sources behind it, and the claims for and against.",
  fields: (t) => ({
    country: t.field(CountryRef, belongsTo("Country", "countryCode", "code")),
    countryCode: t.field("String", columnValue("countryCode")),
    status: t.field(MadeInStatusEnum, columnValue("status")),
    basis: t.field(VerdictBasisEnum, columnValue("basis"), {
      description: "REPORTED by independent sources, CLAIMED_ONLY (the brand's or marketing's word), CONFLICTING, or NONE.",
    }),
    productions: t.field([ProductionNode], { kind: "list", rows: ({ row }) => ({ from: productionsOfVerdict(row), orderBy: [by("id")] }) }, {
      description: "The productions in the country, each with its `evidence`.",
    }),
    factories: t.field([FactoryNode], { kind: "list", rows: ({ row }) => ({ from: factoriesOfVerdict(row), orderBy: [by("productionId")] }) }, {
      description: "Named factories in the country that make it.",
    }),
    labelClaims: t.field(["String"], computed(({ row }) => labelClaimsOfVerdict(row)), {
      description: "Label claims of the productions in the country, e.g. \"Made in USA\".",
    }),
    volumeShare: t.field("Float", computed(({ row }) => volumeShareOfVerdict(row)), {
      nullable: true,
      description: "Share (0..1) of the known annual volume made in the country; null when no volume is known.",
    }),
    sources: t.field(
      [Citation],
      { kind: "list", rows: ({ row }) => ({ from: citationsOfVerdict(row), orderBy: [by("productionId"), by("sourceId")] }) },
      { description: "Citations of the productions behind the verdict, one per source." },
    ),
    supportingClaims: t.field([ClaimNode], { kind: "list", rows: ({ row }) => ({ from: supportingClaims(row), orderBy: [by("id")] }) }, {
      description: "MADE_IN claims that agree with the status.",
    }),
    conflictingClaims: t.field([ClaimNode], { kind: "list", rows: ({ row }) => ({ from: conflictingClaims(row), orderBy: [by("id")] }) }, {
      description: "MADE_IN claims that say otherwise.",
    }),
  }),
});

/** `madeInUsa`: the verdict on the models `modelIds` (an int[] expression of the row) for the USA. */
export function madeInUsaOf(modelIds: (row: Sql) => Sql): FieldPlan {
  return { kind: "row", rows: ({ row }) => ({ from: verdicts(modelIds(row), oneCountry("US")) }) };
}

/** `madeIn`: one verdict per country where the models are produced or claimed to be, by code. */
export function madeInOf(modelIds: (row: Sql) => Sql): FieldPlan {
  return { kind: "list", rows: ({ row }) => ({ from: verdicts(modelIds(row), countriesOfModels), orderBy: [by("countryCode")] }) };
}
