import type { Layout } from "./layout.ts";

/** Open Supply Hub's contributor template, solegraph's first format: country,name,address,sector,lat,lng. */
export const contributorCsv: Layout = {
  name: "contributor-csv",
  signature: ["name", "country"],
  columns: {
    country: ["country"],
    name: ["name"],
    address: ["address"],
    sector: ["sector", "sectors"],
    lat: ["lat", "latitude"],
    lng: ["lng", "lon", "long", "longitude"],
    supplierGroup: ["parent_company", "supplier group"],
    totalWorkers: ["number_of_workers"],
  },
};
