/** Mean Earth radius, as the migration's geo_distance_km uses. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LATITUDE = (Math.PI * EARTH_RADIUS_KM) / 180;

/** A latitude band and one or two longitude ranges (two when it crosses the antimeridian). */
export interface BoundingBox {
  readonly minLatitude: number;
  readonly maxLatitude: number;
  readonly longitudes: readonly (readonly [number, number])[];
}

/**
 * The smallest latitude/longitude box holding every point within `radiusKm` of a
 * point: what the (latitude, longitude) index narrows to before the exact distance
 * is checked. Near a pole, or when the circle wraps around, every longitude.
 */
export function boundingBox(latitude: number, longitude: number, radiusKm: number): BoundingBox {
  const dLat = radiusKm / KM_PER_DEGREE_LATITUDE;
  const minLatitude = Math.max(-90, latitude - dLat);
  const maxLatitude = Math.min(90, latitude + dLat);
  const widest = Math.max(Math.abs(minLatitude), Math.abs(maxLatitude));
  if (widest >= 89.999) return { minLatitude, maxLatitude, longitudes: [[-180, 180]] };
  const dLng = dLat / Math.cos((widest * Math.PI) / 180);
  if (dLng >= 180) return { minLatitude, maxLatitude, longitudes: [[-180, 180]] };
  const west = longitude - dLng;
  const east = longitude + dLng;
  if (west < -180) return { minLatitude, maxLatitude, longitudes: [[west + 360, 180], [-180, east]] };
  if (east > 180) return { minLatitude, maxLatitude, longitudes: [[west, 180], [-180, east - 360]] };
  return { minLatitude, maxLatitude, longitudes: [[west, east]] };
}

/** Great-circle distance in km (haversine), the same formula as SQL's geo_distance_km. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
