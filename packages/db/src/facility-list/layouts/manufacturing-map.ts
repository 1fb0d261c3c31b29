import type { Layout } from "./layout.ts";

/**
 * A brand's manufacturing-map export: `Factory Name, Factory Type, Product Type Type,
 * <Company> Brand(s), Events, Supplier Group, Address, City, State, Postal Code,
 * Country / Region, Region, Total Workers, Line Workers, % Female Workers, % Migrant
 * Workers`, often under a title row ("Data Export ... Data As Of JUNE 2025").
 */
export const manufacturingMap: Layout = {
  name: "manufacturing-map",
  signature: ["factory name", "factory type"],
  columns: {
    name: ["factory name"],
    role: ["factory type"],
    sector: ["product type type", "product type", "product types"],
    brands: [/^.*brand\(s\)$/, /^brands?$/],
    supplierGroup: ["supplier group"],
    address: ["address"],
    city: ["city"],
    state: ["state", "state / province"],
    postalCode: ["postal code", "zip code"],
    country: ["country / region", "country/region", "country"],
    totalWorkers: ["total workers"],
    lineWorkers: ["line workers"],
    femaleWorkers: ["% female workers", "female workers %"],
    migrantWorkers: ["% migrant workers", "migrant workers %"],
  },
};
