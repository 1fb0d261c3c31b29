-- Brands' own supplier disclosures (issue 22): a brand's supplier list imported as of a
-- date is a Disclosure; a factory's relation to the brand is listed from one disclosure
-- until the first later one that no longer names it (nothing is deleted). Lists also
-- bring the factory's role in the chain, its supplier group (parent company), worker
-- figures as of the list's year, and Open Supply Hub's os_id.

-- CreateEnum
CREATE TYPE "FactoryRole" AS ENUM ('FINISHED_GOODS', 'COMPONENTS', 'MATERIALS');

-- AlterTable
ALTER TABLE "BrandFactory" ADD COLUMN     "listedFrom" DATE,
ADD COLUMN     "listedUntil" DATE;

-- AlterTable
ALTER TABLE "Factory" ADD COLUMN     "femaleWorkersPercent" DOUBLE PRECISION,
ADD COLUMN     "lineWorkers" INTEGER,
ADD COLUMN     "migrantWorkersPercent" DOUBLE PRECISION,
ADD COLUMN     "osId" TEXT,
ADD COLUMN     "roles" "FactoryRole"[] DEFAULT ARRAY[]::"FactoryRole"[],
ADD COLUMN     "supplierGroupId" INTEGER,
ADD COLUMN     "workerFiguresYear" INTEGER;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "asOf" DATE,
ADD COLUMN     "licence" TEXT;

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" SERIAL NOT NULL,
    "brandId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "factoryCount" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "dropped" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplierGroup" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupplierGroup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Disclosure_sourceId_key" ON "Disclosure"("sourceId");

-- CreateIndex
CREATE INDEX "Disclosure_brandId_asOf_idx" ON "Disclosure"("brandId", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierGroup_slug_key" ON "SupplierGroup"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierGroup_nameKey_key" ON "SupplierGroup"("nameKey");

-- CreateIndex
CREATE INDEX "BrandFactory_brandId_listedUntil_idx" ON "BrandFactory"("brandId", "listedUntil");

-- CreateIndex
CREATE UNIQUE INDEX "Factory_osId_key" ON "Factory"("osId");

-- CreateIndex
CREATE INDEX "Factory_supplierGroupId_idx" ON "Factory"("supplierGroupId");

-- AddForeignKey
ALTER TABLE "Factory" ADD CONSTRAINT "Factory_supplierGroupId_fkey" FOREIGN KEY ("supplierGroupId") REFERENCES "SupplierGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One definition of "the same group name": case, spaces and punctuation aside
-- ("POU CHEN" = "Pou-Chen"), used by the importer and by supplierGroups(search:).
CREATE FUNCTION supplier_group_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
  AS $$ SELECT lower(regexp_replace(name, '[^[:alnum:]]+', '', 'g')) $$;

ALTER TABLE "SupplierGroup"
  ADD CONSTRAINT "SupplierGroup_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80),
  ADD CONSTRAINT "SupplierGroup_name_nonblank" CHECK (btrim("name") <> ''),
  ADD CONSTRAINT "SupplierGroup_nameKey_nonblank" CHECK ("nameKey" <> '');

ALTER TABLE "Factory"
  ADD CONSTRAINT "Factory_lineWorkers_nonnegative" CHECK ("lineWorkers" >= 0),
  ADD CONSTRAINT "Factory_femaleWorkersPercent_share" CHECK ("femaleWorkersPercent" BETWEEN 0 AND 100),
  ADD CONSTRAINT "Factory_migrantWorkersPercent_share" CHECK ("migrantWorkersPercent" BETWEEN 0 AND 100),
  ADD CONSTRAINT "Factory_workerFiguresYear_range" CHECK ("workerFiguresYear" BETWEEN 1800 AND 2100),
  -- A figure that held at a date carries the date.
  ADD CONSTRAINT "Factory_workerFiguresYear_paired" CHECK (("workerFiguresYear" IS NULL) = ("lineWorkers" IS NULL AND "femaleWorkersPercent" IS NULL AND "migrantWorkersPercent" IS NULL)),
  ADD CONSTRAINT "Factory_osId_nonblank" CHECK (btrim("osId") <> '');

ALTER TABLE "BrandFactory"
  ADD CONSTRAINT "BrandFactory_listedUntil_ordered" CHECK ("listedUntil" IS NULL OR ("listedFrom" IS NOT NULL AND "listedUntil" >= "listedFrom"));

ALTER TABLE "Disclosure"
  ADD CONSTRAINT "Disclosure_factoryCount_nonnegative" CHECK ("factoryCount" >= 0),
  ADD CONSTRAINT "Disclosure_added_nonnegative" CHECK ("added" >= 0),
  ADD CONSTRAINT "Disclosure_dropped_nonnegative" CHECK ("dropped" >= 0);

ALTER TABLE "Source"
  ADD CONSTRAINT "Source_licence_nonblank" CHECK (btrim("licence") <> '');
