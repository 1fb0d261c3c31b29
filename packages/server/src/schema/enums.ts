import { ClaimTopic, FactoryRole, FactoryStatus, MaterialKind, ModelCategory, Ownership, ShoeComponent } from "@solegraph/db";
import { builder } from "../builder.ts";

// The database enums, exposed under the same names.
export const FactoryStatusEnum = builder.enumType(FactoryStatus, { name: "FactoryStatus" });
export const FactoryRoleEnum = builder.enumType("FactoryRole", {
  description: "Where a factory sits in the supply chain, as a brand's supplier list names it.",
  values: {
    [FactoryRole.FINISHED_GOODS]: { value: FactoryRole.FINISHED_GOODS, description: "Assembles finished products (a list's FINISHED GOODS)." },
    [FactoryRole.COMPONENTS]: { value: FactoryRole.COMPONENTS, description: "Makes components for finished goods (FINISHED GOODS - COMPONENTS)." },
    [FactoryRole.MATERIALS]: { value: FactoryRole.MATERIALS, description: "Makes materials: textiles, leather, foams (MATERIALS)." },
  } as const,
});
export const OwnershipEnum = builder.enumType(Ownership, { name: "Ownership" });
export const ModelCategoryEnum = builder.enumType(ModelCategory, { name: "ModelCategory" });
export const MaterialKindEnum = builder.enumType(MaterialKind, { name: "MaterialKind" });
export const ShoeComponentEnum = builder.enumType(ShoeComponent, { name: "ShoeComponent" });

export const ClaimTopicEnum = builder.enumType("ClaimTopic", {
  description: "What a claim is about.",
  values: {
    MADE_IN: {
      value: ClaimTopic.MADE_IN,
      description: "The subject is made (stance DENIES: is not made) in the claim's country; of a brand: some of its shoes are made there.",
    },
    PRODUCTION_SHARE: { value: ClaimTopic.PRODUCTION_SHARE, description: "The share of a brand's production made in a country." },
    SALES_SHARE: { value: ClaimTopic.SALES_SHARE, description: "The share of a brand's sales (in a market) that shoes made in a country make up: not a share of its production." },
    DOMESTIC_CONTENT: { value: ClaimTopic.DOMESTIC_CONTENT, description: "The share of a product's value that is domestic." },
    MANUFACTURING_FOOTPRINT: { value: ClaimTopic.MANUFACTURING_FOOTPRINT, description: "Any other statement about where or how something is made: plants, workforce, plans." },
  } as const,
});

export const ClaimStanceEnum = builder.enumType("ClaimStance", {
  description: "Whether a claim says its statement is so or is not so.",
  values: { ASSERTS: { value: "ASSERTS" }, DENIES: { value: "DENIES" } } as const,
});

export const SourceKindEnum = builder.enumType("SourceKind", {
  description: "What kind of publication a source is: NEWS, EDITORIAL and COMMUNITY report independently; BRAND and MARKETING speak for the brand; FACILITY_LIST is a list of production sites.",
  values: {
    NEWS: { value: "NEWS", description: "Journalism: a newspaper, a trade or business publication." },
    EDITORIAL: { value: "EDITORIAL", description: "Independent editorial writing: history, features, reviews." },
    COMMUNITY: { value: "COMMUNITY", description: "A community, local history or enthusiast site." },
    BRAND: { value: "BRAND", description: "The brand's own statements: press releases, its website, filings." },
    MARKETING: { value: "MARKETING", description: "Promotional copy: advertorials, retailers' and affiliates' sales pages." },
    FACILITY_LIST: {
      value: "FACILITY_LIST",
      description: "A published list of production sites (a brand's supplier list, a union's or researchers' list): imported with importFacilityList. Not independent: such lists are mostly the brand's disclosure.",
    },
  } as const,
});

export const ProductionEvidenceEnum = builder.enumType("ProductionEvidence", {
  description: "What a recorded production rests on.",
  values: {
    REPORTED: { description: "At least one independent source (NEWS, EDITORIAL, COMMUNITY) cites it." },
    CLAIMED_ONLY: { description: "Only the brand's own voice or marketing copy cites it." },
  } as const,
});

export const VerdictBasisEnum = builder.enumType("VerdictBasis", {
  description: "What a made-in verdict rests on.",
  values: {
    REPORTED: {
      description:
        "Independent sources: productions they report (a passage naming the model or line and the factory or town), or, for NO, a denial they make; no claim against it.",
    },
    CLAIMED_ONLY: {
      description: "Only claims: MADE_IN claims, productions cited only by the brand or marketing copy, or a denial only the brand makes. Not a reported fact.",
    },
    CONFLICTING: { description: "Sources disagree: see `supportingClaims` and `conflictingClaims`." },
    NONE: { description: "Nothing recorded says either way." },
  } as const,
});

export const OrderDirection = builder.enumType("OrderDirection", {
  values: { ASC: { value: "asc" }, DESC: { value: "desc" } } as const,
});
