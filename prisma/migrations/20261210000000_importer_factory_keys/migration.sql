-- The importer inserts factories with the keys its match statement has just had
-- facility_name_key and facility_address_key compute for the same rows (it matched on
-- them), and says so for its transaction (SET LOCAL solegraph.factory_keys_given = on):
-- computing them again here cost 35 µs a row, a tenth of a batch's INSERT at 1M
-- factories. Every other insert, and every update that changes a name or an address or
-- writes a key, still computes them here.
CREATE OR REPLACE FUNCTION "solegraph_factory_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."nameKey" IS NOT NULL AND current_setting('solegraph.factory_keys_given', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' OR NEW."name" IS DISTINCT FROM OLD."name" OR NEW."nameKey" IS DISTINCT FROM OLD."nameKey" THEN
    NEW."nameKey" := facility_name_key(NEW."name");
  END IF;
  IF TG_OP = 'INSERT' OR NEW."address" IS DISTINCT FROM OLD."address" OR NEW."addressKey" IS DISTINCT FROM OLD."addressKey" THEN
    NEW."addressKey" := facility_address_key(NEW."address");
  END IF;
  RETURN NEW;
END
$$;
