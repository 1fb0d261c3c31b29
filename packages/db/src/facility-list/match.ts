import type pg from "pg";
import type { FactoryRole, Ownership } from "../generated/prisma/enums.ts";
import type { MatchReason } from "./outcome.ts";
import type { FacilityRow } from "./row.ts";

/** Two sites this close (or closer) are taken for one: a list's pin for a building. */
export const MATCH_RADIUS_KM = 0.05;

/** A factory already in the graph that a row may be, with what the import may fill in. */
export interface Candidate {
  readonly id: number;
  readonly slug: string;
  readonly matchedBy: readonly MatchReason[];
  readonly address: string | null;
  readonly addressKey: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly sectors: readonly string[];
  readonly ownership: Ownership | null;
  readonly operatorBrandId: number | null;
  readonly roles: readonly FactoryRole[];
  readonly supplierGroupId: number | null;
  readonly osId: string | null;
  readonly workforce: number | null;
  readonly workforceYear: number | null;
  readonly lineWorkers: number | null;
  readonly femaleWorkersPercent: number | null;
  readonly migrantWorkersPercent: number | null;
  readonly workerFiguresYear: number | null;
  readonly version: number;
}

export interface RowMatch {
  /** The row's keys as the database computes them (facility_name_key, facility_address_key). */
  readonly nameKey: string;
  readonly addressKey: string | null;
  readonly candidates: readonly Candidate[];
}

/**
 * The factories each row may be, in one statement for a batch of rows: the same os_id
 * (Open Supply Hub's identifier, on its unique index), same country
 * and same normalised name, or same country and same (specific) address, or within
 * MATCH_RADIUS_KM. The normalisation is the database's own, so every writer agrees on it.
 */
export async function findCandidates(client: pg.PoolClient, rows: readonly FacilityRow[]): Promise<RowMatch[]> {
  const { text, values } = matchStatement(rows);
  const { rows: answers } = await client.query<{ ord: number; name_key: string; address_key: string | null; candidates: RawCandidate[] }>(text, values);
  return answers.map((answer) => ({
    nameKey: answer.name_key,
    addressKey: answer.address_key,
    candidates: answer.candidates.map((candidate) => ({ ...candidate, matchedBy: candidate.matchedBy as MatchReason[] })),
  }));
}

/**
 * The statement `findCandidates` runs (tests EXPLAIN it). Each row costs at most four
 * index probes, whatever the registry's size: osId (unique, when the row has one),
 * (countryCode, nameKey), (countryCode, addressKey), and (countryCode, latitude,
 * longitude) over a band of about 100 m of latitude, then the exact distance. Nothing reads a whole country: that made imports
 * quadratic (68,000 index entries read per row at 100,000 factories).
 */
export function matchStatement(rows: readonly FacilityRow[]): { text: string; values: unknown[] } {
  const degrees = (MATCH_RADIUS_KM / 6371.0088) * (180 / Math.PI);
  return {
    // MATERIALIZED: each row's keys are computed once (regular expressions), not in every probe.
    text: `WITH incoming AS MATERIALIZED (
       SELECT i.ord, i.country, i.lat, i.lng, i.os_id, facility_name_key(i.name) AS name_key, facility_address_key(i.address) AS address_key
       -- bpchar like "countryCode" (char(2)): compared as text, the column would need a
       -- cast and the (countryCode, key) indexes could not start from it.
       FROM unnest($1::int[], $2::bpchar[], $3::text[], $4::text[], $5::float8[], $6::float8[], $9::text[]) AS i(ord, country, name, address, lat, lng, os_id)
     )
     SELECT k.ord, k.name_key, k.address_key,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', f.id, 'slug', f.slug, 'matchedBy', m.reasons, 'address', f.address, 'addressKey', f."addressKey",
                 'latitude', f.latitude, 'longitude', f.longitude, 'sectors', f.sectors, 'ownership', f.ownership,
                 'operatorBrandId', f."operatorBrandId", 'roles', to_json(f.roles), 'supplierGroupId', f."supplierGroupId", 'osId', f."osId",
                 'workforce', f.workforce, 'workforceYear', f."workforceYear", 'lineWorkers', f."lineWorkers",
                 'femaleWorkersPercent', f."femaleWorkersPercent", 'migrantWorkersPercent', f."migrantWorkersPercent",
                 'workerFiguresYear', f."workerFiguresYear", 'version', f.version) ORDER BY f.id), '[]'::json)
        FROM (SELECT id, array_agg(reason ORDER BY reason) AS reasons FROM (
                SELECT id, 'osId' AS reason FROM "Factory" WHERE k.os_id IS NOT NULL AND "osId" = k.os_id
                UNION ALL
                SELECT id, 'name' FROM "Factory" WHERE "countryCode" = k.country AND "nameKey" = k.name_key
                UNION ALL
                SELECT id, 'address' FROM "Factory" WHERE k.address_key IS NOT NULL AND "countryCode" = k.country AND "addressKey" = k.address_key
                UNION ALL
                SELECT id, 'location' FROM "Factory"
                 WHERE k.lat IS NOT NULL AND "countryCode" = k.country
                   AND latitude BETWEEN k.lat - $7 AND k.lat + $7
                   AND longitude BETWEEN k.lng - $7 / greatest(cos(radians(k.lat)), 0.01) AND k.lng + $7 / greatest(cos(radians(k.lat)), 0.01)
                   AND geo_distance_km(k.lat, k.lng, latitude, longitude) <= $8
              ) AS hits GROUP BY id) AS m
        JOIN "Factory" f ON f.id = m.id) AS candidates
     FROM incoming k ORDER BY k.ord`,
    values: [
      rows.map((_, index) => index),
      rows.map((row) => row.countryCode),
      rows.map((row) => row.name),
      rows.map((row) => row.address),
      rows.map((row) => row.latitude),
      rows.map((row) => row.longitude),
      degrees,
      MATCH_RADIUS_KM,
      rows.map((row) => row.osId),
    ],
  };
}

type RawCandidate = Omit<Candidate, "matchedBy"> & { matchedBy: string[] };
