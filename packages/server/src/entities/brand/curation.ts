import { rules } from "@solegraph/db";
import { CITATIONS_SNAPSHOT, CLAIMS_SNAPSHOT } from "../../curation/snapshots.ts";
import { defineEntity } from "../../curation/entity.ts";
import { ConflictError } from "../../curation/errors.ts";
import { curatedMutations } from "../../curation/mutations.ts";
import { BrandNode } from "./type.ts";

const { Brand } = rules.COLUMNS;

export const brand = defineEntity({
  typename: "Brand",
  model: "Brand",
  label: "brand",
  changeType: "BRAND",
  node: () => BrandNode,
  citations: { model: "BrandSource", key: "brandId" },
  // A brand's claims go when it goes (cascade), so they are part of its record.
  snapshot: {
    sources: CITATIONS_SNAPSHOT,
    claims: CLAIMS_SNAPSHOT,
  },
});

curatedMutations({
  entity: brand,
  node: BrandNode,
  payloadField: "brand",
  fields: {
    slug: { type: "String", rule: Brand.slug, required: true, description: "URL-safe identifier, e.g. \"new-balance\" (unique)." },
    name: { type: "String", rule: Brand.name, required: true },
    description: { type: "String", rule: Brand.description },
    headquartersCity: { type: "String", rule: Brand.headquartersCity },
    headquartersRegion: { type: "String", rule: Brand.headquartersRegion },
    country: { type: "CountryCode", rule: Brand.countryCode, column: "countryCode", description: "ISO 3166-1 alpha-2 code of the headquarters' country." },
    foundedYear: { type: "Int", rule: Brand.foundedYear },
    website: { type: "String", rule: Brand.website, description: "An http(s) URL." },
  },
  create: { name: "createBrand", description: "Adds a brand." },
  update: { name: "updateBrand", description: "Changes a brand." },
  delete: {
    name: "deleteBrand",
    description: "Deletes a brand with its claims and citations. Refused while it has models or operates factories.",
    before: async ({ tx }, { id, reference }) => {
      const [models, factories] = await Promise.all([
        tx.sneakerModel.count({ where: { brandId: id } }),
        tx.factory.count({ where: { operatorBrandId: id } }),
      ]);
      if (models + factories > 0) {
        throw new ConflictError(
          `The brand "${reference}" still has ${models} model(s) and operates ${factories} factory(ies); delete or reassign them first.`,
          "HAS_DEPENDENTS",
          ["input", "id"],
        );
      }
    },
  },
});
