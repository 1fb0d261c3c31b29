import { ClaimTopic, FactoryStatus, MaterialKind, ModelCategory, Ownership, ShoeComponent } from "@solegraph/db";
import { builder } from "../builder.ts";

// The database enums, exposed under the same names.
export const FactoryStatusEnum = builder.enumType(FactoryStatus, { name: "FactoryStatus" });
export const OwnershipEnum = builder.enumType(Ownership, { name: "Ownership" });
export const ModelCategoryEnum = builder.enumType(ModelCategory, { name: "ModelCategory" });
export const MaterialKindEnum = builder.enumType(MaterialKind, { name: "MaterialKind" });
export const ShoeComponentEnum = builder.enumType(ShoeComponent, { name: "ShoeComponent" });
export const ClaimTopicEnum = builder.enumType(ClaimTopic, { name: "ClaimTopic" });

export const OrderDirection = builder.enumType("OrderDirection", {
  values: { ASC: { value: "asc" }, DESC: { value: "desc" } } as const,
});
