import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import { sql, type Sql } from "../../read/sql.ts";

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
 * `factories(filter: { near })`: the circle's bounding cube (earthdistance's earth_box)
 * on the GiST index of ll_to_earth(latitude, longitude) (PostGIS is not available; cube
 * and earthdistance are, on both databases), then the exact great-circle distance
 * (geo_distance_km, in the migration) on what is left. A GiST lookup reads about the
 * sites in the box whatever the point, so its plan stays right when a prepared
 * statement switches to a generic plan: no parameter decides between plans here (the
 * latitude B-tree it replaces read a whole band of the globe, and a generic plan could
 * scan the table). Factories without coordinates are never near anything. Bad circles
 * refuse the query while it is planned, before any SQL runs.
 */
export function nearCondition(near: Near, f: Sql): Sql {
  const { latitude, longitude, radiusKm } = near;
  if (!(latitude >= -90 && latitude <= 90)) throw badNear("`near.latitude` must be between -90 and 90.");
  if (!(longitude >= -180 && longitude <= 180)) throw badNear("`near.longitude` must be between -180 and 180.");
  if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) throw badNear(`\`near.radiusKm\` must be more than 0 and at most ${MAX_RADIUS_KM}.`);
  // earth_box takes metres on earthdistance's sphere (6,378,168 m), a little larger than
  // the mean radius geo_distance_km uses: the box is widened by that ratio so it never
  // cuts the circle.
  const boxMetres = radiusKm * 1000 * EARTH_RADIUS_RATIO;
  return sql`(${f}.latitude IS NOT NULL
    AND earth_box(ll_to_earth(${latitude}::float8, ${longitude}::float8), ${boxMetres}::float8) @> ll_to_earth(${f}.latitude, ${f}.longitude)
    AND geo_distance_km(${latitude}::float8, ${longitude}::float8, ${f}.latitude, ${f}.longitude) <= ${radiusKm}::float8)`;
}

/** earthdistance's radius over geo_distance_km's, rounded up. */
const EARTH_RADIUS_RATIO = 1.0012;

function badNear(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument: "filter" } });
}
