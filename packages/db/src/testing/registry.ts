import type pg from "pg";

/** Factories written per transaction: each commits with its citations (the deferred check). */
const CHUNK = 100_000;

/**
 * Fills the graph with `count` generated facilities (fictional names, every country of
 * the Country table, scattered coordinates, two thirds with an address), each cited by
 * the source `sourceSlug`, in set-based statements: what an import's speed is measured
 * against ("into a registry of a million"). Names and coordinates differ from the
 * bench's generated lists (`Fictional Registry Facility N`), so those lists add to it.
 */
export async function generateRegistry(pool: pg.Pool, count: number, sourceSlug: string, onProgress?: (done: number) => void): Promise<void> {
  const client = await pool.connect();
  try {
    for (let from = 1; from <= count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK - 1);
      await client.query("BEGIN");
      await client.query(
        `WITH countries AS (SELECT array_agg(code ORDER BY code) AS codes FROM "Country"),
         made AS (
           INSERT INTO "Factory" (slug, name, "countryCode", address, latitude, longitude, sectors, status, "updatedAt")
           SELECT 'registry-facility-' || i, 'Fictional Registry Facility ' || i || ' Co., Ltd.',
                  c.codes[1 + (i::bigint * 7919) % array_length(c.codes, 1)],
                  CASE WHEN i % 3 <> 0 THEN 'No. ' || i || ', Registry Road, Sample Zone ' || (i % 97) END,
                  -60 + ((i::bigint * 104729) % 120000) / 1000.0, -179 + ((i::bigint * 15485863) % 358000) / 1000.0,
                  ARRAY['Footwear'], 'OPERATING', now()
           FROM generate_series($1::int, $2::int) AS i, countries c
           RETURNING id
         )
         INSERT INTO "FactorySource" ("factoryId", "sourceId", locator, statement, "retrievedOn", supports)
         SELECT made.id, s.id, coalesce(s.url, 'https://example.com/registry.csv') || '#row=' || made.id,
                'A generated registry lists this facility.', current_date, ARRAY['name', 'country']
         FROM made, "Source" s WHERE s.slug = $3`,
        [from, to, sourceSlug],
      );
      await client.query("COMMIT");
      onProgress?.(to);
    }
    await client.query(`ANALYZE "Factory"`);
    await client.query(`ANALYZE "FactorySource"`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
