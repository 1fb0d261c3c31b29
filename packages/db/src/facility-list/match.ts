import type pg from "pg";
import type { FactoryRole, Ownership } from "../generated/prisma/enums.ts";
import type { MatchReason } from "./outcome.ts";
import type { FacilityRow } from "./row.ts";

/** Two sites this close (or closer) are taken for one: a list's pin for a building. */
export const MATCH_RADIUS_KM = 0.05;

/**
 * Names this alike (pg_trgm's similarity of the name keys without their spaces) are
 * spelling variants: "Chang Shin Vietnam" and "Changshin Vietnam" (1.0), "Tae Kwang Vina"
 * and "Taekwang Vina", "Great Step" and "Great Steps".
 * Names that differ in their numbers ("Plant 1", "Plant 2") never are.
 */
export const SIMILAR_NAME_THRESHOLD = 0.7;
/**
 * A similar name is the same site only when the two pins are this close (a list's pin
 * and the registry's may be a street apart); without coordinates, or farther, it is a
 * possible duplicate, reported and not merged: "Golden Step" and "Golden Star" (0.78)
 * are two companies.
 */
export const SIMILAR_NAME_RADIUS_KM = 0.5;
/**
 * Similar names are looked for among the factories of the row's country whose name keys
 * carry the row's numbers and sort next to its key, this many on each side (a
 * sorted-neighbourhood search on one index): a handful of index entries and trigram
 * comparisons per row, whatever the registry's size. A trigram index search
 * instead read thousands of entries per row at 1M factories (GiST nearest-neighbour:
 * 130–410 ms a row in CN and VN), because generated and real names share most of their
 * trigrams ("footwear", "co ltd"). A variant in a name's first letters is not found.
 */
export const SIMILAR_NAME_WINDOW = 5;

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
  /** Earlier rows of the batch (by index) of the same country with a similar name (not the same key). */
  readonly similarRows: readonly number[];
}

/**
 * The factories each row may be, in one statement for a batch of rows: the same os_id
 * (Open Supply Hub's identifier, on its unique index), same country
 * and same normalised name, or same country and same (specific) address, or within
 * MATCH_RADIUS_KM. The normalisation is the database's own, so every writer agrees on it.
 */
export async function findCandidates(client: pg.PoolClient, rows: readonly FacilityRow[]): Promise<RowMatch[]> {
  const { text, values } = matchStatement(rows);
  const { rows: answers } = await client.query<{ ord: number; name_key: string; address_key: string | null; candidates: RawCandidate[]; similar_rows: number[] }>(text, values);
  return answers.map((answer) => ({
    nameKey: answer.name_key,
    addressKey: answer.address_key,
    candidates: answer.candidates.map((candidate) => ({ ...candidate, matchedBy: candidate.matchedBy as MatchReason[] })),
    similarRows: answer.similar_rows,
  }));
}

/**
 * The statement `findCandidates` runs (tests EXPLAIN it). Each row costs at most six
 * index probes, whatever the registry's size: osId (unique, when the row has one),
 * (countryCode, the name key's numbers, nameKey) for the same key and for the
 * SIMILAR_NAME_WINDOW keys on each side of it, (countryCode, addressKey), and
 * (countryCode, latitude, longitude) over a band of about 100 m of latitude, then the
 * exact distance.
 * Nothing reads a whole country: that made imports quadratic (68,000 index entries read
 * per row at 100,000 factories). Similar names among the batch's own earlier rows are
 * found the same way, by each row's place in the batch's rows sorted by country and key.
 */
export function matchStatement(rows: readonly FacilityRow[]): { text: string; values: unknown[] } {
  const degrees = (MATCH_RADIUS_KM / 6371.0088) * (180 / Math.PI);
  return {
    // MATERIALIZED: each row's keys are computed once (regular expressions), not in every probe.
    text: `WITH incoming AS MATERIALIZED (
       SELECT i.ord, i.country, i.lat, i.lng, i.os_id, keys.name_key, keys.address_key,
              replace(keys.name_key, ' ', '') AS compact_key, regexp_replace(keys.name_key, '[^0-9]', '', 'g') AS name_digits,
              row_number() OVER (PARTITION BY i.country ORDER BY keys.name_key, i.ord) AS place
       -- bpchar like "countryCode" (char(2)): compared as text, the column would need a
       -- cast and the (countryCode, key) indexes could not start from it.
       FROM unnest($1::int[], $2::bpchar[], $3::text[], $4::text[], $5::float8[], $6::float8[], $9::text[]) AS i(ord, country, name, address, lat, lng, os_id)
       CROSS JOIN LATERAL (SELECT facility_name_key(i.name) AS name_key, facility_address_key(i.address) AS address_key) AS keys
     ),
     -- Each row's earlier rows with a similar name: a hash join on (country, place), not
     -- a scan of the batch per row.
     similar_in_batch AS (
       SELECT k.ord, array_agg(e.ord ORDER BY e.ord) AS similar_rows
       FROM incoming k CROSS JOIN generate_series(-$10::int, $10::int) AS d(step)
       JOIN incoming e ON e.country = k.country AND e.place = k.place + d.step
       WHERE e.ord < k.ord AND e.name_key <> k.name_key AND e.name_digits = k.name_digits AND similarity(e.compact_key, k.compact_key) >= $11
       GROUP BY k.ord
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
                -- (countryCode, numbers, nameKey): the name key's numbers are in the index (20261211000000).
                SELECT id, 'name' FROM "Factory" WHERE "countryCode" = k.country AND regexp_replace("nameKey", '[^0-9]', '', 'g') = k.name_digits AND "nameKey" = k.name_key
                UNION ALL
                SELECT id, 'address' FROM "Factory" WHERE k.address_key IS NOT NULL AND "countryCode" = k.country AND "addressKey" = k.address_key
                UNION ALL
                SELECT id, 'location' FROM "Factory"
                 WHERE k.lat IS NOT NULL AND "countryCode" = k.country
                   AND latitude BETWEEN k.lat - $7 AND k.lat + $7
                   AND longitude BETWEEN k.lng - $7 / greatest(cos(radians(k.lat)), 0.01) AND k.lng + $7 / greatest(cos(radians(k.lat)), 0.01)
                   AND geo_distance_km(k.lat, k.lng, latitude, longitude) <= $8
                UNION ALL
                SELECT n.id, 'similarName' FROM (
                  (SELECT id, "nameKey" FROM "Factory"
                    WHERE "countryCode" = k.country AND regexp_replace("nameKey", '[^0-9]', '', 'g') = k.name_digits AND "nameKey" < k.name_key
                    ORDER BY "nameKey" DESC LIMIT $10)
                  UNION ALL
                  (SELECT id, "nameKey" FROM "Factory"
                    WHERE "countryCode" = k.country AND regexp_replace("nameKey", '[^0-9]', '', 'g') = k.name_digits AND "nameKey" > k.name_key
                    ORDER BY "nameKey" LIMIT $10)
                ) AS n
                 WHERE similarity(replace(n."nameKey", ' ', ''), k.compact_key) >= $11
              ) AS hits GROUP BY id) AS m
        JOIN "Factory" f ON f.id = m.id) AS candidates,
       coalesce(b.similar_rows, '{}') AS similar_rows
     FROM incoming k LEFT JOIN similar_in_batch b ON b.ord = k.ord ORDER BY k.ord`,
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
      SIMILAR_NAME_WINDOW,
      SIMILAR_NAME_THRESHOLD,
    ],
  };
}

type RawCandidate = Omit<Candidate, "matchedBy"> & { matchedBy: string[] };
