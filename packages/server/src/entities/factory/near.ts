import { boundingBox } from "@solegraph/db";
import { GraphQLError } from "graphql";
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
 * `factories(filter: { near })`: the bounding box of the circle on the (latitude,
 * longitude) B-tree index (PostGIS is not available on the embedded database), then
 * the exact great-circle distance (geo_distance_km, in the migration) on what is left.
 * Factories without coordinates are never near anything. Bad circles refuse the query
 * while it is planned, before any SQL runs.
 */
export function nearCondition(near: Near, f: Sql): Sql {
  const { latitude, longitude, radiusKm } = near;
  if (!(latitude >= -90 && latitude <= 90)) throw badNear("`near.latitude` must be between -90 and 90.");
  if (!(longitude >= -180 && longitude <= 180)) throw badNear("`near.longitude` must be between -180 and 180.");
  if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) throw badNear(`\`near.radiusKm\` must be more than 0 and at most ${MAX_RADIUS_KM}.`);
  const box = boundingBox(latitude, longitude, radiusKm);
  const longitudes = box.longitudes.map(([west, east]) => sql`${f}.longitude BETWEEN ${west}::float8 AND ${east}::float8`);
  return sql`(${f}.latitude BETWEEN ${box.minLatitude}::float8 AND ${box.maxLatitude}::float8
    AND (${join(longitudes, " OR ")})
    AND geo_distance_km(${latitude}::float8, ${longitude}::float8, ${f}.latitude, ${f}.longitude) <= ${radiusKm}::float8)`;
}

function badNear(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument: "filter" } });
}
