-- Fuzzy search (word_similarity, trigram indexes). PGlite loads it from its contrib
-- bundle; PostgreSQL ships it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "FactoryStatus" AS ENUM ('PLANNED', 'OPERATING', 'CLOSED');

-- CreateEnum
CREATE TYPE "Ownership" AS ENUM ('OWNED', 'CONTRACT');

-- CreateEnum
CREATE TYPE "ModelCategory" AS ENUM ('RUNNING', 'LIFESTYLE', 'COURT', 'BASKETBALL', 'TRAIL', 'HIKING', 'WALKING', 'TRAINING');

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('LEATHER', 'SYNTHETIC_LEATHER', 'TEXTILE', 'FOAM', 'RUBBER', 'OTHER');

-- CreateEnum
CREATE TYPE "ShoeComponent" AS ENUM ('UPPER', 'LINING', 'MIDSOLE', 'OUTSOLE', 'INSOLE', 'LACES');

-- CreateEnum
CREATE TYPE "ClaimTopic" AS ENUM ('PRODUCTION_SHARE', 'DOMESTIC_CONTENT', 'MANUFACTURING_FOOTPRINT');

-- CreateTable
CREATE TABLE "Country" (
    "code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Brand" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "headquartersCity" TEXT,
    "headquartersRegion" TEXT,
    "countryCode" CHAR(2),
    "foundedYear" INTEGER,
    "website" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Brand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SneakerModel" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brandId" INTEGER NOT NULL,
    "series" TEXT,
    "category" "ModelCategory",
    "releaseYear" INTEGER,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SneakerModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Factory" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "operatorBrandId" INTEGER,
    "operatorName" TEXT,
    "ownership" "Ownership" NOT NULL,
    "status" "FactoryStatus" NOT NULL,
    "streetAddress" TEXT,
    "city" TEXT NOT NULL,
    "region" TEXT,
    "countryCode" CHAR(2) NOT NULL,
    "openedYear" INTEGER,
    "closedYear" INTEGER,
    "workforce" INTEGER,
    "floorAreaSqFt" INTEGER,
    "weeklyCapacityPairs" INTEGER,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Factory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessStep" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Production" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "modelId" INTEGER NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "factoryId" INTEGER,
    "labelClaim" TEXT,
    "annualVolume" INTEGER,
    "startYear" INTEGER,
    "endYear" INTEGER,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Production_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductionStep" (
    "id" SERIAL NOT NULL,
    "productionId" INTEGER NOT NULL,
    "stepId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "technique" TEXT,

    CONSTRAINT "ProductionStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MaterialKind" NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelMaterial" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "materialId" INTEGER NOT NULL,
    "component" "ShoeComponent" NOT NULL,
    "originCountryCode" CHAR(2),
    "note" TEXT,

    CONSTRAINT "ModelMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "url" TEXT,
    "publishedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandClaim" (
    "id" SERIAL NOT NULL,
    "brandId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "topic" "ClaimTopic" NOT NULL,
    "countryCode" CHAR(2),
    "sharePercent" DOUBLE PRECISION,
    "statement" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BrandClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandSource" (
    "brandId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BrandSource_pkey" PRIMARY KEY ("brandId","sourceId")
);

-- CreateTable
CREATE TABLE "SneakerModelSource" (
    "modelId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SneakerModelSource_pkey" PRIMARY KEY ("modelId","sourceId")
);

-- CreateTable
CREATE TABLE "FactorySource" (
    "factoryId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactorySource_pkey" PRIMARY KEY ("factoryId","sourceId")
);

-- CreateTable
CREATE TABLE "ProductionSource" (
    "productionId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductionSource_pkey" PRIMARY KEY ("productionId","sourceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Brand_slug_key" ON "Brand"("slug");

-- CreateIndex
CREATE INDEX "Brand_countryCode_idx" ON "Brand"("countryCode");

-- CreateIndex
CREATE INDEX "Brand_name_idx" ON "Brand"("name");

-- CreateIndex
CREATE INDEX "Brand_name_trgm_idx" ON "Brand" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "SneakerModel_slug_key" ON "SneakerModel"("slug");

-- CreateIndex
CREATE INDEX "SneakerModel_brandId_idx" ON "SneakerModel"("brandId");

-- CreateIndex
CREATE INDEX "SneakerModel_series_idx" ON "SneakerModel"("series");

-- CreateIndex
CREATE INDEX "SneakerModel_category_idx" ON "SneakerModel"("category");

-- CreateIndex
CREATE INDEX "SneakerModel_name_idx" ON "SneakerModel"("name");

-- CreateIndex
CREATE INDEX "SneakerModel_name_trgm_idx" ON "SneakerModel" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Factory_slug_key" ON "Factory"("slug");

-- CreateIndex
CREATE INDEX "Factory_countryCode_idx" ON "Factory"("countryCode");

-- CreateIndex
CREATE INDEX "Factory_region_idx" ON "Factory"("region");

-- CreateIndex
CREATE INDEX "Factory_status_idx" ON "Factory"("status");

-- CreateIndex
CREATE INDEX "Factory_ownership_idx" ON "Factory"("ownership");

-- CreateIndex
CREATE INDEX "Factory_operatorBrandId_idx" ON "Factory"("operatorBrandId");

-- CreateIndex
CREATE INDEX "Factory_name_idx" ON "Factory"("name");

-- CreateIndex
CREATE INDEX "Factory_name_trgm_idx" ON "Factory" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Factory_id_countryCode_key" ON "Factory"("id", "countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessStep_slug_key" ON "ProcessStep"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessStep_position_key" ON "ProcessStep"("position");

-- CreateIndex
CREATE UNIQUE INDEX "Production_slug_key" ON "Production"("slug");

-- CreateIndex
CREATE INDEX "Production_factoryId_countryCode_idx" ON "Production"("factoryId", "countryCode");

-- CreateIndex
CREATE INDEX "Production_countryCode_idx" ON "Production"("countryCode");

-- CreateIndex
CREATE INDEX "Production_labelClaim_idx" ON "Production"("labelClaim");

-- CreateIndex
CREATE UNIQUE INDEX "Production_modelId_factoryId_key" ON "Production"("modelId", "factoryId");

-- CreateIndex
CREATE INDEX "ProductionStep_stepId_idx" ON "ProductionStep"("stepId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductionStep_productionId_position_key" ON "ProductionStep"("productionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProductionStep_productionId_stepId_key" ON "ProductionStep"("productionId", "stepId");

-- CreateIndex
CREATE UNIQUE INDEX "Material_slug_key" ON "Material"("slug");

-- CreateIndex
CREATE INDEX "Material_kind_idx" ON "Material"("kind");

-- CreateIndex
CREATE INDEX "ModelMaterial_materialId_idx" ON "ModelMaterial"("materialId");

-- CreateIndex
CREATE INDEX "ModelMaterial_originCountryCode_idx" ON "ModelMaterial"("originCountryCode");

-- CreateIndex
CREATE UNIQUE INDEX "ModelMaterial_modelId_materialId_component_key" ON "ModelMaterial"("modelId", "materialId", "component");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE INDEX "Source_publisher_idx" ON "Source"("publisher");

-- CreateIndex
CREATE INDEX "BrandClaim_brandId_topic_idx" ON "BrandClaim"("brandId", "topic");

-- CreateIndex
CREATE INDEX "BrandClaim_sourceId_idx" ON "BrandClaim"("sourceId");

-- CreateIndex
CREATE INDEX "BrandSource_sourceId_idx" ON "BrandSource"("sourceId");

-- CreateIndex
CREATE INDEX "SneakerModelSource_sourceId_idx" ON "SneakerModelSource"("sourceId");

-- CreateIndex
CREATE INDEX "FactorySource_sourceId_idx" ON "FactorySource"("sourceId");

-- CreateIndex
CREATE INDEX "ProductionSource_sourceId_idx" ON "ProductionSource"("sourceId");

-- AddForeignKey
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SneakerModel" ADD CONSTRAINT "SneakerModel_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Factory" ADD CONSTRAINT "Factory_operatorBrandId_fkey" FOREIGN KEY ("operatorBrandId") REFERENCES "Brand"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Factory" ADD CONSTRAINT "Factory_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Production" ADD CONSTRAINT "Production_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "SneakerModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Production" ADD CONSTRAINT "Production_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Production" ADD CONSTRAINT "Production_factoryId_countryCode_fkey" FOREIGN KEY ("factoryId", "countryCode") REFERENCES "Factory"("id", "countryCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionStep" ADD CONSTRAINT "ProductionStep_productionId_fkey" FOREIGN KEY ("productionId") REFERENCES "Production"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionStep" ADD CONSTRAINT "ProductionStep_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcessStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelMaterial" ADD CONSTRAINT "ModelMaterial_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "SneakerModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelMaterial" ADD CONSTRAINT "ModelMaterial_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelMaterial" ADD CONSTRAINT "ModelMaterial_originCountryCode_fkey" FOREIGN KEY ("originCountryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandClaim" ADD CONSTRAINT "BrandClaim_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandClaim" ADD CONSTRAINT "BrandClaim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandClaim" ADD CONSTRAINT "BrandClaim_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandSource" ADD CONSTRAINT "BrandSource_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandSource" ADD CONSTRAINT "BrandSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SneakerModelSource" ADD CONSTRAINT "SneakerModelSource_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "SneakerModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SneakerModelSource" ADD CONSTRAINT "SneakerModelSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactorySource" ADD CONSTRAINT "FactorySource_factoryId_fkey" FOREIGN KEY ("factoryId") REFERENCES "Factory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactorySource" ADD CONSTRAINT "FactorySource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionSource" ADD CONSTRAINT "ProductionSource_productionId_fkey" FOREIGN KEY ("productionId") REFERENCES "Production"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionSource" ADD CONSTRAINT "ProductionSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ISO 3166-1 alpha-2 countries (249 codes). A foreign key to this table is what
-- rejects an unknown country code.
INSERT INTO "Country" ("code", "name") VALUES
  ('AD', 'Andorra'),
  ('AE', 'United Arab Emirates'),
  ('AF', 'Afghanistan'),
  ('AG', 'Antigua and Barbuda'),
  ('AI', 'Anguilla'),
  ('AL', 'Albania'),
  ('AM', 'Armenia'),
  ('AO', 'Angola'),
  ('AQ', 'Antarctica'),
  ('AR', 'Argentina'),
  ('AS', 'American Samoa'),
  ('AT', 'Austria'),
  ('AU', 'Australia'),
  ('AW', 'Aruba'),
  ('AX', 'Åland Islands'),
  ('AZ', 'Azerbaijan'),
  ('BA', 'Bosnia and Herzegovina'),
  ('BB', 'Barbados'),
  ('BD', 'Bangladesh'),
  ('BE', 'Belgium'),
  ('BF', 'Burkina Faso'),
  ('BG', 'Bulgaria'),
  ('BH', 'Bahrain'),
  ('BI', 'Burundi'),
  ('BJ', 'Benin'),
  ('BL', 'Saint Barthélemy'),
  ('BM', 'Bermuda'),
  ('BN', 'Brunei Darussalam'),
  ('BO', 'Bolivia'),
  ('BQ', 'Bonaire, Sint Eustatius and Saba'),
  ('BR', 'Brazil'),
  ('BS', 'Bahamas'),
  ('BT', 'Bhutan'),
  ('BV', 'Bouvet Island'),
  ('BW', 'Botswana'),
  ('BY', 'Belarus'),
  ('BZ', 'Belize'),
  ('CA', 'Canada'),
  ('CC', 'Cocos (Keeling) Islands'),
  ('CD', 'Democratic Republic of the Congo'),
  ('CF', 'Central African Republic'),
  ('CG', 'Republic of the Congo'),
  ('CH', 'Switzerland'),
  ('CI', 'Cote d''Ivoire'),
  ('CK', 'Cook Islands'),
  ('CL', 'Chile'),
  ('CM', 'Cameroon'),
  ('CN', 'People''s Republic of China'),
  ('CO', 'Colombia'),
  ('CR', 'Costa Rica'),
  ('CU', 'Cuba'),
  ('CV', 'Cape Verde'),
  ('CW', 'Curaçao'),
  ('CX', 'Christmas Island'),
  ('CY', 'Cyprus'),
  ('CZ', 'Czech Republic'),
  ('DE', 'Germany'),
  ('DJ', 'Djibouti'),
  ('DK', 'Denmark'),
  ('DM', 'Dominica'),
  ('DO', 'Dominican Republic'),
  ('DZ', 'Algeria'),
  ('EC', 'Ecuador'),
  ('EE', 'Estonia'),
  ('EG', 'Egypt'),
  ('EH', 'Western Sahara'),
  ('ER', 'Eritrea'),
  ('ES', 'Spain'),
  ('ET', 'Ethiopia'),
  ('FI', 'Finland'),
  ('FJ', 'Fiji'),
  ('FK', 'Falkland Islands (Malvinas)'),
  ('FM', 'Micronesia, Federated States of'),
  ('FO', 'Faroe Islands'),
  ('FR', 'France'),
  ('GA', 'Gabon'),
  ('GB', 'United Kingdom'),
  ('GD', 'Grenada'),
  ('GE', 'Georgia'),
  ('GF', 'French Guiana'),
  ('GG', 'Guernsey'),
  ('GH', 'Ghana'),
  ('GI', 'Gibraltar'),
  ('GL', 'Greenland'),
  ('GM', 'Republic of The Gambia'),
  ('GN', 'Guinea'),
  ('GP', 'Guadeloupe'),
  ('GQ', 'Equatorial Guinea'),
  ('GR', 'Greece'),
  ('GS', 'South Georgia and the South Sandwich Islands'),
  ('GT', 'Guatemala'),
  ('GU', 'Guam'),
  ('GW', 'Guinea-Bissau'),
  ('GY', 'Guyana'),
  ('HK', 'Hong Kong'),
  ('HM', 'Heard Island and McDonald Islands'),
  ('HN', 'Honduras'),
  ('HR', 'Croatia'),
  ('HT', 'Haiti'),
  ('HU', 'Hungary'),
  ('ID', 'Indonesia'),
  ('IE', 'Ireland'),
  ('IL', 'Israel'),
  ('IM', 'Isle of Man'),
  ('IN', 'India'),
  ('IO', 'British Indian Ocean Territory'),
  ('IQ', 'Iraq'),
  ('IR', 'Islamic Republic of Iran'),
  ('IS', 'Iceland'),
  ('IT', 'Italy'),
  ('JE', 'Jersey'),
  ('JM', 'Jamaica'),
  ('JO', 'Jordan'),
  ('JP', 'Japan'),
  ('KE', 'Kenya'),
  ('KG', 'Kyrgyzstan'),
  ('KH', 'Cambodia'),
  ('KI', 'Kiribati'),
  ('KM', 'Comoros'),
  ('KN', 'Saint Kitts and Nevis'),
  ('KP', 'North Korea'),
  ('KR', 'South Korea'),
  ('KW', 'Kuwait'),
  ('KY', 'Cayman Islands'),
  ('KZ', 'Kazakhstan'),
  ('LA', 'Lao People''s Democratic Republic'),
  ('LB', 'Lebanon'),
  ('LC', 'Saint Lucia'),
  ('LI', 'Liechtenstein'),
  ('LK', 'Sri Lanka'),
  ('LR', 'Liberia'),
  ('LS', 'Lesotho'),
  ('LT', 'Lithuania'),
  ('LU', 'Luxembourg'),
  ('LV', 'Latvia'),
  ('LY', 'Libya'),
  ('MA', 'Morocco'),
  ('MC', 'Monaco'),
  ('MD', 'Moldova, Republic of'),
  ('ME', 'Montenegro'),
  ('MF', 'Saint Martin (French part)'),
  ('MG', 'Madagascar'),
  ('MH', 'Marshall Islands'),
  ('MK', 'The Republic of North Macedonia'),
  ('ML', 'Mali'),
  ('MM', 'Myanmar'),
  ('MN', 'Mongolia'),
  ('MO', 'Macao'),
  ('MP', 'Northern Mariana Islands'),
  ('MQ', 'Martinique'),
  ('MR', 'Mauritania'),
  ('MS', 'Montserrat'),
  ('MT', 'Malta'),
  ('MU', 'Mauritius'),
  ('MV', 'Maldives'),
  ('MW', 'Malawi'),
  ('MX', 'Mexico'),
  ('MY', 'Malaysia'),
  ('MZ', 'Mozambique'),
  ('NA', 'Namibia'),
  ('NC', 'New Caledonia'),
  ('NE', 'Niger'),
  ('NF', 'Norfolk Island'),
  ('NG', 'Nigeria'),
  ('NI', 'Nicaragua'),
  ('NL', 'Netherlands'),
  ('NO', 'Norway'),
  ('NP', 'Nepal'),
  ('NR', 'Nauru'),
  ('NU', 'Niue'),
  ('NZ', 'New Zealand'),
  ('OM', 'Oman'),
  ('PA', 'Panama'),
  ('PE', 'Peru'),
  ('PF', 'French Polynesia'),
  ('PG', 'Papua New Guinea'),
  ('PH', 'Philippines'),
  ('PK', 'Pakistan'),
  ('PL', 'Poland'),
  ('PM', 'Saint Pierre and Miquelon'),
  ('PN', 'Pitcairn'),
  ('PR', 'Puerto Rico'),
  ('PS', 'State of Palestine'),
  ('PT', 'Portugal'),
  ('PW', 'Palau'),
  ('PY', 'Paraguay'),
  ('QA', 'Qatar'),
  ('RE', 'Reunion'),
  ('RO', 'Romania'),
  ('RS', 'Serbia'),
  ('RU', 'Russian Federation'),
  ('RW', 'Rwanda'),
  ('SA', 'Saudi Arabia'),
  ('SB', 'Solomon Islands'),
  ('SC', 'Seychelles'),
  ('SD', 'Sudan'),
  ('SE', 'Sweden'),
  ('SG', 'Singapore'),
  ('SH', 'Saint Helena'),
  ('SI', 'Slovenia'),
  ('SJ', 'Svalbard and Jan Mayen'),
  ('SK', 'Slovakia'),
  ('SL', 'Sierra Leone'),
  ('SM', 'San Marino'),
  ('SN', 'Senegal'),
  ('SO', 'Somalia'),
  ('SR', 'Suriname'),
  ('SS', 'South Sudan'),
  ('ST', 'Sao Tome and Principe'),
  ('SV', 'El Salvador'),
  ('SX', 'Sint Maarten (Dutch part)'),
  ('SY', 'Syrian Arab Republic'),
  ('SZ', 'Eswatini'),
  ('TC', 'Turks and Caicos Islands'),
  ('TD', 'Chad'),
  ('TF', 'French Southern Territories'),
  ('TG', 'Togo'),
  ('TH', 'Thailand'),
  ('TJ', 'Tajikistan'),
  ('TK', 'Tokelau'),
  ('TL', 'Timor-Leste'),
  ('TM', 'Turkmenistan'),
  ('TN', 'Tunisia'),
  ('TO', 'Tonga'),
  ('TR', 'Türkiye'),
  ('TT', 'Trinidad and Tobago'),
  ('TV', 'Tuvalu'),
  ('TW', 'Taiwan, Province of China'),
  ('TZ', 'United Republic of Tanzania'),
  ('UA', 'Ukraine'),
  ('UG', 'Uganda'),
  ('UM', 'United States Minor Outlying Islands'),
  ('US', 'United States of America'),
  ('UY', 'Uruguay'),
  ('UZ', 'Uzbekistan'),
  ('VA', 'Holy See (Vatican City State)'),
  ('VC', 'Saint Vincent and the Grenadines'),
  ('VE', 'Venezuela'),
  ('VG', 'Virgin Islands, British'),
  ('VI', 'Virgin Islands, U.S.'),
  ('VN', 'Vietnam'),
  ('VU', 'Vanuatu'),
  ('WF', 'Wallis and Futuna'),
  ('WS', 'Samoa'),
  ('YE', 'Yemen'),
  ('YT', 'Mayotte'),
  ('ZA', 'South Africa'),
  ('ZM', 'Zambia'),
  ('ZW', 'Zimbabwe');

-- Value ranges the API promises, enforced by the database itself. Prisma cannot
-- express CHECK constraints, so they live here (and in later migrations that add
-- columns with ranges).
ALTER TABLE "Brand"
  ADD CONSTRAINT "Brand_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80),
  ADD CONSTRAINT "Brand_name_nonblank" CHECK (length(btrim("name")) > 0),
  ADD CONSTRAINT "Brand_foundedYear_range" CHECK ("foundedYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "Brand_version_positive" CHECK ("version" >= 1);

ALTER TABLE "SneakerModel"
  ADD CONSTRAINT "SneakerModel_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80),
  ADD CONSTRAINT "SneakerModel_name_nonblank" CHECK (length(btrim("name")) > 0),
  ADD CONSTRAINT "SneakerModel_releaseYear_range" CHECK ("releaseYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "SneakerModel_version_positive" CHECK ("version" >= 1);

ALTER TABLE "Factory"
  ADD CONSTRAINT "Factory_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80),
  ADD CONSTRAINT "Factory_name_nonblank" CHECK (length(btrim("name")) > 0),
  ADD CONSTRAINT "Factory_openedYear_range" CHECK ("openedYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "Factory_closedYear_range" CHECK ("closedYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "Factory_years_ordered" CHECK ("closedYear" >= "openedYear"),
  ADD CONSTRAINT "Factory_closed_has_status" CHECK ("closedYear" IS NULL OR "status" = 'CLOSED'),
  ADD CONSTRAINT "Factory_workforce_nonnegative" CHECK ("workforce" >= 0),
  ADD CONSTRAINT "Factory_floorAreaSqFt_positive" CHECK ("floorAreaSqFt" > 0),
  ADD CONSTRAINT "Factory_weeklyCapacityPairs_nonnegative" CHECK ("weeklyCapacityPairs" >= 0),
  ADD CONSTRAINT "Factory_version_positive" CHECK ("version" >= 1);

ALTER TABLE "ProcessStep"
  ADD CONSTRAINT "ProcessStep_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80),
  ADD CONSTRAINT "ProcessStep_name_nonblank" CHECK (length(btrim("name")) > 0),
  ADD CONSTRAINT "ProcessStep_position_positive" CHECK ("position" >= 1),
  ADD CONSTRAINT "ProcessStep_version_positive" CHECK ("version" >= 1);

ALTER TABLE "Production"
  ADD CONSTRAINT "Production_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 160),
  ADD CONSTRAINT "Production_annualVolume_nonnegative" CHECK ("annualVolume" >= 0),
  ADD CONSTRAINT "Production_startYear_range" CHECK ("startYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "Production_endYear_range" CHECK ("endYear" BETWEEN 1800 AND 2100),
  ADD CONSTRAINT "Production_years_ordered" CHECK ("endYear" >= "startYear"),
  ADD CONSTRAINT "Production_version_positive" CHECK ("version" >= 1);

ALTER TABLE "ProductionStep"
  ADD CONSTRAINT "ProductionStep_position_positive" CHECK ("position" >= 1);

ALTER TABLE "Material"
  ADD CONSTRAINT "Material_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80),
  ADD CONSTRAINT "Material_version_positive" CHECK ("version" >= 1);

ALTER TABLE "Source"
  ADD CONSTRAINT "Source_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80),
  ADD CONSTRAINT "Source_title_nonblank" CHECK (length(btrim("title")) > 0),
  ADD CONSTRAINT "Source_url_http" CHECK ("url" ~ '^https?://[^[:space:]]+$'),
  ADD CONSTRAINT "Source_version_positive" CHECK ("version" >= 1);

ALTER TABLE "BrandClaim"
  ADD CONSTRAINT "BrandClaim_sharePercent_range" CHECK ("sharePercent" >= 0 AND "sharePercent" <= 100),
  ADD CONSTRAINT "BrandClaim_statement_nonblank" CHECK (length(btrim("statement")) > 0);

ALTER TABLE "Country"
  ADD CONSTRAINT "Country_code_format" CHECK ("code" ~ '^[A-Z]{2}$');
