-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'FACILITY_LIST';

-- AlterTable
ALTER TABLE "Factory" ADD COLUMN     "address" TEXT,
ADD COLUMN     "addressKey" TEXT,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "nameKey" TEXT,
ADD COLUMN     "sectors" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "ownership" DROP NOT NULL,
ALTER COLUMN "city" DROP NOT NULL;

-- CreateTable
CREATE TABLE "BrandFactory" (
    "brandId" INTEGER NOT NULL,
    "factoryId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "relation" "Ownership" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BrandFactory_pkey" PRIMARY KEY ("brandId","factoryId","sourceId")
);

-- CreateIndex
CREATE INDEX "BrandFactory_factoryId_idx" ON "BrandFactory"("factoryId");

-- CreateIndex
CREATE INDEX "BrandFactory_sourceId_idx" ON "BrandFactory"("sourceId");

-- CreateIndex
CREATE INDEX "Factory_latitude_longitude_idx" ON "Factory"("latitude", "longitude");

-- CreateIndex
CREATE INDEX "Factory_countryCode_nameKey_idx" ON "Factory"("countryCode", "nameKey");

-- CreateIndex
CREATE INDEX "Factory_countryCode_addressKey_idx" ON "Factory"("countryCode", "addressKey");

-- AddForeignKey
ALTER TABLE "BrandFactory" ADD CONSTRAINT "BrandFactory_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandFactory" ADD CONSTRAINT "BrandFactory_factoryId_fkey" FOREIGN KEY ("factoryId") REFERENCES "Factory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandFactory" ADD CONSTRAINT "BrandFactory_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written below (Prisma cannot express these).

-- Coordinates come in pairs, within WGS 84's ranges; addresses and sectors are not blank.
ALTER TABLE "Factory"
  ADD CONSTRAINT "Factory_latitude_paired" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)),
  ADD CONSTRAINT "Factory_latitude_bounds" CHECK ("latitude" BETWEEN -90 AND 90),
  ADD CONSTRAINT "Factory_longitude_bounds" CHECK ("longitude" BETWEEN -180 AND 180),
  ADD CONSTRAINT "Factory_address_nonblank" CHECK (length(btrim("address")) > 0),
  ADD CONSTRAINT "Factory_sectors_nonblank" CHECK (array_position("sectors", '') IS NULL);

-- Great-circle distance in kilometres (haversine, mean Earth radius). PostGIS and
-- earthdistance are not available on the embedded database: the `near` filter and
-- facility-list matching narrow rows with a bounding box on (latitude, longitude)
-- first, then check this.
CREATE FUNCTION geo_distance_km(lat1 double precision, lng1 double precision, lat2 double precision, lng2 double precision)
  RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT 2 * 6371.0088 * asin(least(1, sqrt(
    power(sin(radians(lat2 - lat1) / 2), 2) + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lng2 - lng1) / 2), 2))))
$$;

-- A factory's name as facility lists are matched on: lower case, "&" as "and",
-- punctuation as spaces, single spaces, without parenthesised parts ("(Vietnam)"),
-- and without legal forms at the end
-- ("Co., Ltd.", "Inc.", "GmbH", ...) or the Indonesian "PT"/"CV" in front. The
-- one definition: imports compare incoming names with it too.
CREATE FUNCTION facility_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(nullif(stripped, ''), plain) FROM (
    SELECT plain, btrim(regexp_replace(regexp_replace(plain, '^(pt|cv) ', ''),
      '( (co|company|corp|corporation|inc|incorporated|ltd|limited|llc|lp|llp|plc|gmbh|ag|kg|sa|sas|sarl|srl|spa|bv|nv|pvt|private|pte|jsc|tbk|sdn|bhd|oy|ab|lda|sl|cv|pt))+$', '')) AS stripped
    FROM (SELECT btrim(regexp_replace(regexp_replace(regexp_replace(replace(lower(name), '&', ' and '), '\([^)]*\)', ' ', 'g'), '[[:punct:]]', ' ', 'g'), '\s+', ' ', 'g')) AS plain) AS p
  ) AS s
$$;

-- An address as facility lists are matched on: lower case, punctuation as spaces,
-- single spaces. NULL when too vague to name one site (no digit, or fewer than three
-- words: "Dong Nai", "Industrial Zone, Dhaka"), so vague addresses never match.
CREATE FUNCTION facility_address_key(address text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN plain ~ '[0-9]' AND array_length(string_to_array(plain, ' '), 1) >= 3 THEN plain END
  FROM (SELECT btrim(regexp_replace(regexp_replace(lower(address), '[[:punct:]]', ' ', 'g'), '\s+', ' ', 'g')) AS plain) AS p
$$;

-- The keys follow every write of a name or address, whoever writes it.
CREATE FUNCTION "solegraph_factory_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."nameKey" := facility_name_key(NEW."name");
  NEW."addressKey" := facility_address_key(NEW."address");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Factory_keys" BEFORE INSERT OR UPDATE ON "Factory"
  FOR EACH ROW EXECUTE FUNCTION "solegraph_factory_keys"();

UPDATE "Factory" SET "nameKey" = facility_name_key("name"), "addressKey" = facility_address_key("address");
