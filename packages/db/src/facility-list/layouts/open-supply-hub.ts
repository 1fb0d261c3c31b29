import type { Layout } from "./layout.ts";

/**
 * Open Supply Hub's download: `os_id, contribution_date, name, address, country_code,
 * country_name, lat, lng, sector, contributor, number_of_workers, parent_company,
 * processing_type_facility_type_raw, facility_type, processing_type, product_type,
 * is_closed`. `os_id` is kept as the factory's external identifier and matched first.
 */
export const openSupplyHub: Layout = {
  name: "open-supply-hub",
  signature: ["os_id", "name"],
  columns: {
    osId: ["os_id"],
    name: ["name"],
    address: ["address"],
    country: ["country_code", "country_name"],
    lat: ["lat"],
    lng: ["lng"],
    sector: ["sector"],
    totalWorkers: ["number_of_workers"],
    supplierGroup: ["parent_company"],
    role: ["facility_type", "processing_type"],
  },
};
