-- DropIndex
DROP INDEX "Factory_operatorBrandId_idx";

-- DropIndex
DROP INDEX "SneakerModel_brandId_idx";

-- CreateIndex
CREATE INDEX "Factory_operatorBrandId_name_id_idx" ON "Factory"("operatorBrandId", "name", "id");

-- CreateIndex
CREATE INDEX "Production_modelId_id_idx" ON "Production"("modelId", "id");

-- CreateIndex
CREATE INDEX "Production_factoryId_id_idx" ON "Production"("factoryId", "id");

-- CreateIndex
CREATE INDEX "SneakerModel_brandId_name_id_idx" ON "SneakerModel"("brandId", "name", "id");

