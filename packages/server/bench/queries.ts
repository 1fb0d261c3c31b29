/**
 * What the benchmark measures: three reads, each as GraphQL for solegraph and as one
 * hand-written SQL statement that builds the same JSON answer (the floor: what this
 * machine can do at best for the same data on the same database).
 */
export interface BenchQuery {
  readonly name: string;
  readonly graphql: string;
  /** One statement returning the whole `data` object as JSON text. */
  readonly floorSql: string;
}

const brandsPage = (node: string) => `
  SELECT coalesce(json_agg(json_build_object('node', ${node}) ORDER BY b.name, b.id), '[]')
    FROM (SELECT * FROM "Brand" ORDER BY name, id LIMIT 20) b`;

const modelsPage = (node: string) => `
  SELECT coalesce(json_agg(json_build_object('node', ${node}) ORDER BY m.name, m.id), '[]')
    FROM (SELECT * FROM "SneakerModel" WHERE "brandId" = b.id ORDER BY name, id LIMIT 10) m`;

const productionsPage = `
  SELECT coalesce(json_agg(json_build_object('node', json_build_object(
           'labelClaim', p."labelClaim",
           'factory', (SELECT json_build_object('name', f.name, 'city', f.city) FROM "Factory" f WHERE f.id = p."factoryId"),
           'route', (SELECT coalesce(json_agg(json_build_object('position', r.position, 'step', json_build_object('name', s.name))
                                              ORDER BY r.position, r.id), '[]')
                       FROM "ProductionStep" r JOIN "ProcessStep" s ON s.id = r."stepId" WHERE r."productionId" = p.id)
         )) ORDER BY p.id), '[]')
    FROM (SELECT * FROM "Production" WHERE "modelId" = m.id ORDER BY id LIMIT 5) p`;

// The same verdict the server computes (provenance/made-in.ts), written by hand: reported
// productions (an independent source cites them) decide; a denial with nothing reported
// is NO; claims alone (MADE_IN claims, productions only the brand or marketing cite) are
// CLAIMED; nothing recorded, or claims that contradict each other, UNKNOWN.
const madeInUsaStatus = `
  (SELECT CASE WHEN v.rh > 0 THEN CASE WHEN v.rh = v.rt THEN 'YES' ELSE 'PARTLY' END
               WHEN v.ch > 0 AND v.dh > 0 THEN 'UNKNOWN'
               WHEN v.dh > 0 THEN 'NO'
               WHEN v.ch > 0 THEN 'CLAIMED'
               ELSE 'UNKNOWN' END
     FROM (SELECT count(*) FILTER (WHERE p.rep) AS rt,
                  count(*) FILTER (WHERE p.rep AND p.cc = 'US') AS rh,
                  count(*) FILTER (WHERE NOT p.rep AND p.cc = 'US') AS ph
             FROM (SELECT pr."countryCode" AS cc,
                          EXISTS (SELECT 1 FROM "ProductionSource" ps JOIN "Source" s ON s.id = ps."sourceId"
                                   WHERE ps."productionId" = pr.id AND s.kind IN ('NEWS', 'EDITORIAL', 'COMMUNITY')) AS rep
                     FROM "Production" pr WHERE pr."modelId" = m.id) p) pc,
          (SELECT count(*) FILTER (WHERE cl.stance = 'ASSERTS' AND cl."countryCode" = 'US') AS ah,
                  count(*) FILTER (WHERE cl.stance = 'DENIES' AND cl."countryCode" = 'US') AS dh
             FROM "Claim" cl WHERE cl.topic = 'MADE_IN' AND cl."modelId" = m.id) c,
          LATERAL (SELECT pc.rt, pc.rh, pc.ph + c.ah AS ch, c.dh) v)`;

const nestedSql = (withVerdict: boolean) => `
  SELECT json_build_object('brands', json_build_object('edges', (${brandsPage(`json_build_object(
    'name', b.name,
    'models', json_build_object('edges', (${modelsPage(`json_build_object(
      'name', m.name,
      ${withVerdict ? `'madeInUsa', json_build_object('status', ${madeInUsaStatus}),` : ""}
      'productions', json_build_object('edges', (${productionsPage}))
    )`)}))
  )`)})))::text`;

const nestedGraphql = (withVerdict: boolean) => `{ brands(first: 20) { edges { node { name
  models(first: 10) { edges { node { name ${withVerdict ? "madeInUsa { status }" : ""}
    productions(first: 5) { edges { node { labelClaim factory { name city } route { position step { name } } } } }
  } } } } } } }`;

export const BENCH_QUERIES: readonly BenchQuery[] = [
  {
    name: "shallow",
    graphql: `{ brands(first: 20) { edges { node { slug name country { code } } } } }`,
    floorSql: `SELECT json_build_object('brands', json_build_object('edges', (${brandsPage(`json_build_object(
      'slug', b.slug, 'name', b.name,
      'country', (SELECT json_build_object('code', c.code) FROM "Country" c WHERE c.code = b."countryCode"))`)})))::text`,
  },
  { name: "nested", graphql: nestedGraphql(false), floorSql: nestedSql(false) },
  { name: "nested + madeInUsa", graphql: nestedGraphql(true), floorSql: nestedSql(true) },
];
