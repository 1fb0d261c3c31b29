import type { MaterialModel as Material, ModelMaterialModel as ModelMaterial } from "@solegraph/db";
import { belongsTo, BY_NAME } from "../../read/plans.ts";
import { connectionOf, plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { wholeTable } from "../../read/filters.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { CountryRef } from "../country/type.ts";
import { MaterialKindEnum, ShoeComponentEnum } from "../../schema/enums.ts";

export const MaterialNode: PlannedRef = plannedObject<Material>("Material", {
  description: "A material shoes are made of.",
  table: "Material",
  node: true,
  fields: (t) => ({
    slug: t.string("slug"),
    name: t.string("name"),
    kind: t.enum(MaterialKindEnum, "kind"),
    description: t.string("description", { nullable: true }),
    version: t.int("version"),
  }),
});

export const ModelMaterialRef: PlannedRef = plannedObject<ModelMaterial>("ModelMaterial", {
  description: "A material used in one component of a model, with its origin where known.",
  fields: (t) => ({
    component: t.enum(ShoeComponentEnum, "component"),
    material: t.field(MaterialNode, belongsTo("Material", "materialId")),
    originCountry: t.field(CountryRef, belongsTo("Country", "originCountryCode", "code"), { nullable: true }),
    note: t.string("note", { nullable: true }),
  }),
});

// Root fields.
plannedQueryFields((t) => ({
  materials: t.connection(connectionOf(MaterialNode, "Material"), wholeTable("Material", BY_NAME), { description: "Materials, by name." }),
}));
