import type { SqlConnection } from "../sql-connection.ts";

/**
 * A generated registry of `facilities` factories for the scale benchmark (and for the
 * importer's "into a registry of 1M" figure): set-based SQL (generate_series), so a
 * million rows build in minutes, not row by row. Every name is obviously fictional.
 *
 * Shape, after Open Supply Hub: ~200 countries, a third of the sites in one (CN), the
 * rest skewed over a handful and spread thin over the others; 20 towns per country, the
 * sites of a town within ~30 km of its centre (dense towns are `near`'s hard case);
 * names from a few common words ("Footwear", "Shoes": a search's hard case) plus a
 * number. Brands: one big (5% of the sites, under contract, through a facility list),
 * one small (50 sites), eight of 1% each; the big and small ones with models and a
 * production at each of their factories, each cited. Triggers are off while it loads
 * (session_replication_role = replica: the citation checks would run a million times);
 * the rows satisfy what they check, the matching keys are computed here, and what the
 * triggers maintain (counts per country, productions' factory status) is rebuilt at the end.
 *
 * The project's one registry generator: the read benchmarks, `bench:scale`'s and
 * `bench:import -- --registry N`'s import figures and the importer's index test use it.
 * (A second, row-trigger generator for the importer was folded into this one: it took
 * 487 s for a million where this took 248 s (README's runs, at different loads), and
 * spread sites evenly over countries where a real registry, and this one, puts a third
 * in one: a country's index probes are the importer's hard case.) The bench's lists
 * (`writeFacilityList`) name other facilities ("Fictional Footwear Unit N"), so they add
 * to it, except the registry's own sites they are given to name again.
 */
export const SCALE_BRANDS = { big: "example-big-brand", small: "example-small-brand" } as const;

export async function generateRegistry(sql: SqlConnection, facilities: number): Promise<void> {
  await sql.execScript(`
    SET LOCAL session_replication_role = replica;
    INSERT INTO "Source" (slug, title, kind, url, "updatedAt")
      VALUES ('example-registry-list', 'Example Registry List', 'BRAND', 'https://example.org/registry.csv', now());

    CREATE TEMP TABLE scale_country ON COMMIT DROP AS
      SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM "Country";
    -- 20 towns per country, each with a centre.
    CREATE TEMP TABLE scale_town ON COMMIT DROP AS
      SELECT c.code, t AS town, 'Exampleton ' || c.code || ' ' || t AS city,
             -50 + ((hashtext(c.code || t) & 1023) / 1023.0) * 110 AS lat,
             -170 + ((hashtext(t || c.code) & 4095) / 4095.0) * 340 AS lon
        FROM "Country" c, generate_series(0, 19) AS t;
    CREATE TEMP TABLE scale_site ON COMMIT DROP AS
      SELECT g AS n,
             CASE WHEN g % 100 < 33 THEN 'CN' WHEN g % 100 < 45 THEN 'VN' WHEN g % 100 < 53 THEN 'IN'
                  WHEN g % 100 < 60 THEN 'BD' WHEN g % 100 < 65 THEN 'ID' WHEN g % 100 < 69 THEN 'TR'
                  ELSE (SELECT code FROM scale_country WHERE n = (g * 7919) % 249) END AS code,
             (g * 31) % 20 AS town
        FROM generate_series(1::bigint, ${facilities}::bigint) AS g;

    INSERT INTO "Factory" (slug, name, status, city, address, latitude, longitude, sectors, "countryCode", "openedYear", "nameKey", "addressKey", "updatedAt")
      SELECT 'example-site-' || s.n, f.name,
             (CASE WHEN s.n % 20 = 0 THEN 'PLANNED' WHEN s.n % 20 = 1 THEN 'CLOSED' ELSE 'OPERATING' END)::"FactoryStatus",
             t.city, f.address,
             t.lat + ((hashtext('a' || s.n) & 1023) / 1023.0 - 0.5) * 0.5,
             t.lon + ((hashtext('o' || s.n) & 1023) / 1023.0 - 0.5) * 0.5,
             ARRAY['Footwear'], s.code, CASE WHEN s.n % 20 = 0 THEN NULL ELSE 1980 + s.n % 40 END,
             facility_name_key(f.name), facility_address_key(f.address), now()
        FROM scale_site s
        JOIN scale_town t ON t.code = s.code AND t.town = s.town
        CROSS JOIN LATERAL (SELECT
             (ARRAY['Example','Fictional','Sample','Imaginary','Placeholder','Specimen','Notional','Model'])[1 + s.n % 8] || ' ' ||
             (ARRAY['Footwear','Shoes','Sports Goods','Leather','Soles','Components','Textile','Rubber','Apparel','Uppers','Lasts'])[1 + (s.n / 8) % 11] || ' ' ||
             (ARRAY['Co., Ltd.','Factory','Works','Industries','Manufacturing','Group'])[1 + (s.n / 88) % 6] || ' ' || s.n AS name,
             s.n || ' Example Road, ' || t.city AS address) AS f;

    INSERT INTO "FactorySource" ("factoryId", "sourceId", locator, statement, "retrievedOn", supports)
      SELECT f.id, src.id, 'https://example.org/registry.csv#row=' || f.id, 'The example list names the site and its address.', DATE '2026-12-01', ARRAY['name','address']
        FROM "Factory" f, "Source" src WHERE src.slug = 'example-registry-list' AND f.slug LIKE 'example-site-%';

    INSERT INTO "Brand" (slug, name, "updatedAt") VALUES
      ('${SCALE_BRANDS.big}', 'Example Big Brand', now()), ('${SCALE_BRANDS.small}', 'Example Small Brand', now());
    INSERT INTO "Brand" (slug, name, "updatedAt") SELECT 'example-brand-' || b, 'Example Brand ' || b, now() FROM generate_series(1, 8) AS b;

    -- Brand relations as a facility list states them: the big brand 5% of the sites,
    -- the small one 50, the others 1% each.
    INSERT INTO "BrandFactory" ("brandId", "factoryId", "sourceId", relation)
      SELECT b.id, f.id, src.id, 'CONTRACT' FROM "Factory" f, "Brand" b, "Source" src
       WHERE src.slug = 'example-registry-list' AND f.slug LIKE 'example-site-%' AND (
             (b.slug = '${SCALE_BRANDS.big}' AND f.id % 20 = 3)
          OR (b.slug = '${SCALE_BRANDS.small}' AND f.id % ${Math.max(1, Math.floor(facilities / 50))} = 7)
          OR (b.slug LIKE 'example-brand-%' AND f.id % 100 = 10 + substr(b.slug, 15)::int));

    INSERT INTO "SneakerModel" (slug, name, "brandId", series, "updatedAt")
      SELECT b.slug || '-model-' || m, b.name || ' Runner ' || m, b.id, 'Runner', now()
        FROM "Brand" b, generate_series(1, 20) AS m WHERE b.slug IN ('${SCALE_BRANDS.big}', '${SCALE_BRANDS.small}');

    -- One production at each of the two brands' listed factories, of one of its models.
    INSERT INTO "Production" (slug, "modelId", "countryCode", "factoryId", "annualVolume", "updatedAt")
      SELECT 'example-production-' || r."factoryId", m.id, f."countryCode", f.id, CASE WHEN f.id % 3 = 0 THEN 1000 + f.id % 5000 END, now()
        FROM "BrandFactory" r JOIN "Brand" b ON b.id = r."brandId" JOIN "Factory" f ON f.id = r."factoryId"
        JOIN "SneakerModel" m ON m."brandId" = b.id AND m.slug = b.slug || '-model-' || (1 + f.id % 20)
       WHERE b.slug IN ('${SCALE_BRANDS.big}', '${SCALE_BRANDS.small}');
    INSERT INTO "ProductionSource" ("productionId", "sourceId", locator, statement, "retrievedOn")
      SELECT p.id, src.id, 'https://example.org/registry.csv#row=' || p."factoryId", 'The example list names the model line made at the site.', DATE '2026-12-01'
        FROM "Production" p, "Source" src WHERE src.slug = 'example-registry-list' AND p.slug LIKE 'example-production-%';
    -- What the triggers would have kept (they were off): productions' factory status, counts per country.
    SELECT "solegraph_rebuild_registry_counts"();
  `);
  // Statistics and the visibility map: counts can then be index-only.
  await sql.query("VACUUM ANALYZE");
}
