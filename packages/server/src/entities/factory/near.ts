import { GraphQLError } from "graphql";
import { boundingBox } from "@solegraph/db";
import { builder } from "../../builder.ts";
import { join, sql, type Sql } from "../../read/sql.ts";

/** Further than this is half the planet: ask for a country instead. */
export const MAX_RADIUS_KM = 1000;

export const NearInput = builder.inputType("NearInput", {
  description: "A circle on the Earth: factories whose location is within `radiusKm` of the point.",
  fields: (t) => ({
    latitude: t.float({ required: true, description: "Degrees, -90 to 90 (WGS 84)." }),
    longitude: t.float({ required: true, description: "Degrees, -180 to 180 (WGS 84)." }),
    radiusKm: t.float({ required: true, description: `Kilometres, more than 0 and at most ${MAX_RADIUS_KM}.` }),
  }),
});

type Near = (typeof NearInput)["$inferInput"];

/**
 * `factories(filter: { near })`: the circle's bounding box read from the index on
 * (half-degree latitude band, longitude) — one short longitude range per band the box
 * covers (a 50 km circle covers two or three bands) — then the exact great-circle
 * distance (geo_distance_km, in the migration) on what is left. PostGIS is not
 * available, and a GiST index (cube/earthdistance) measured several times the B-tree's
 * cost per inserted factory. The bands are listed as an array parameter, so a generic
 * prepared plan still starts from the band index: the reads are bounded by the box's
 * sites, not by a band of the globe or the registry. Factories without coordinates are
 * never near anything. Bad circles refuse the query while it is planned, before any SQL runs.
 */
export function nearCondition(near: Near, f: Sql): Sql {
  const { latitude, longitude, radiusKm } = near;
  if (!(latitude >= -90 && latitude <= 90)) throw badNear("`near.latitude` must be between -90 and 90.");
  if (!(longitude >= -180 && longitude <= 180)) throw badNear("`near.longitude` must be between -180 and 180.");
  if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) throw badNear(`\`near.radiusKm\` must be more than 0 and at most ${MAX_RADIUS_KM}.`);
  const box = boundingBox(latitude, longitude, radiusKm);
  const bands: number[] = [];
  for (let band = Math.floor(box.minLatitude * BANDS_PER_DEGREE); band <= Math.floor(box.maxLatitude * BANDS_PER_DEGREE); band += 1) bands.push(band);
  // The expression is the index's, exactly.
  const inBands = sql`floor(${f}.latitude * 2) = ANY(${bands}::float8[])`;
  const longitudes = box.longitudes.map(([west, east]) => sql`(${inBands} AND ${f}.longitude BETWEEN ${west}::float8 AND ${east}::float8)`);
  return sql`(${f}.latitude IS NOT NULL AND (${join(longitudes, " OR ")})
    AND ${f}.latitude BETWEEN ${box.minLatitude}::float8 AND ${box.maxLatitude}::float8
    AND geo_distance_km(${latitude}::float8, ${longitude}::float8, ${f}.latitude, ${f}.longitude) <= ${radiusKm}::float8)`;
}

/** Bands of the Factory_latitude_band_idx index: floor(latitude * 2). */
const BANDS_PER_DEGREE = 2;

function badNear(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument: "filter" } });
}
