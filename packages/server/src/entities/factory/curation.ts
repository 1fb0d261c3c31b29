import { FactoryStatus, rules } from "@solegraph/db";
import { BRAND_RELATIONS_SNAPSHOT, CITATIONS_SNAPSHOT, CLAIMS_SNAPSHOT } from "../../curation/snapshots.ts";
import { defineEntity, snapshotOf } from "../../curation/entity.ts";
import { ConflictError } from "../../curation/errors.ts";
import { referenceRule } from "../../curation/input-fields.ts";
import { curatedMutations } from "../../curation/mutations.ts";
import { yearsInOrder } from "../../curation/rules.ts";
import { FactoryStatusEnum, OwnershipEnum } from "../../schema/enums.ts";
import { production } from "../production/curation.ts";
import { FactoryNode } from "./type.ts";

const { Factory } = rules.COLUMNS;

export const factory = defineEntity({
  typename: "Factory",
  model: "Factory",
  label: "factory",
  changeType: "FACTORY",
  node: () => FactoryNode,
  citations: { model: "FactorySource", key: "factoryId", required: true },
  snapshot: { sources: CITATIONS_SNAPSHOT, claims: CLAIMS_SNAPSHOT, brandRelations: BRAND_RELATIONS_SNAPSHOT },
});

curatedMutations({
  entity: factory,
  node: FactoryNode,
  payloadField: "factory",
  fields: {
    slug: { type: "String", rule: Factory.slug, required: true, description: "URL-safe identifier, e.g. \"nb-lawrence\" (unique)." },
    name: { type: "String", rule: Factory.name, required: true },
    ownership: { type: OwnershipEnum, rule: Factory.ownership, required: true },
    status: { type: FactoryStatusEnum, rule: Factory.status, required: true },
    city: { type: "String", rule: Factory.city, required: true },
    country: {
      type: "CountryCode",
      rule: Factory.countryCode,
      required: true,
      column: "countryCode",
      description: "ISO 3166-1 alpha-2 code. Moving a factory moves the productions recorded at it (their country follows).",
    },
    operatorBrand: { type: "ID", rule: referenceRule, references: "Brand", column: "operatorBrandId", description: "Slug or global ID of the brand that runs the site (owned plants)." },
    operatorName: { type: "String", rule: Factory.operatorName, description: "The operating company as the sources name it." },
    streetAddress: { type: "String", rule: Factory.streetAddress },
    address: { type: "String", rule: Factory.address, description: "The full postal address on one line." },
    latitude: { type: "Float", rule: Factory.latitude, description: "WGS 84 degrees; give `longitude` with it." },
    longitude: { type: "Float", rule: Factory.longitude, description: "WGS 84 degrees; give `latitude` with it." },
    sectors: { type: ["String"], rule: Factory.sectors, description: "What the site makes, e.g. [\"Footwear\"]." },
    region: { type: "String", rule: Factory.region },
    openedYear: { type: "Int", rule: Factory.openedYear, description: "The year production began; not while PLANNED (give plannedOpeningYear)." },
    plannedOpeningYear: { type: "Int", rule: Factory.plannedOpeningYear, description: "The year production was announced to begin." },
    closedYear: { type: "Int", rule: Factory.closedYear, description: "Only with status CLOSED." },
    workforce: { type: "Int", rule: Factory.workforce, description: "People working there; give `workforceYear` with it." },
    workforceYear: { type: "Int", rule: Factory.workforceYear, description: "The year the workforce figure held." },
    floorAreaSqFt: { type: "Int", rule: Factory.floorAreaSqFt },
    weeklyCapacityPairs: { type: "Int", rule: Factory.weeklyCapacityPairs, description: "Pairs per week; give `weeklyCapacityYear` with it." },
    weeklyCapacityYear: { type: "Int", rule: Factory.weeklyCapacityYear, description: "The year the capacity figure held." },
    notes: { type: "String", rule: Factory.notes },
  },
  create: {
    name: "createFactory",
    description: "Adds a factory with the sources that say it exists (at least one).",
    validate: yearsInOrder("openedYear", "closedYear").superRefine((input, ctx) => {
      if (input["closedYear"] != null && input["status"] !== FactoryStatus.CLOSED) {
        ctx.addIssue({ code: "custom", path: ["status"], message: "must be CLOSED when the factory has a closing year" });
      }
      if (input["openedYear"] != null && input["status"] === FactoryStatus.PLANNED) {
        ctx.addIssue({ code: "custom", path: ["openedYear"], message: "must be empty while the factory is PLANNED (give plannedOpeningYear)" });
      }
      for (const [figure, year] of [["workforce", "workforceYear"], ["weeklyCapacityPairs", "weeklyCapacityYear"], ["latitude", "longitude"]] as const) {
        const message = figure === "latitude" ? rules.MESSAGES.coordinates : rules.MESSAGES.paired;
        if ((input[figure] == null) !== (input[year] == null)) ctx.addIssue({ code: "custom", path: [year], message });
      }
    }),
  },
  update: {
    name: "updateFactory",
    description: "Changes a factory.",
    // Rules between fields of an update also involve the stored values: the database's
    // CHECKs decide those (reported on the same fields, curation/constraint-errors.ts).
    validate: yearsInOrder("openedYear", "closedYear"),
    before: async (write, { id, columns }) => {
      const country = columns["countryCode"] as string | undefined;
      if (country === undefined) return;
      // Productions at the factory share its country through their foreign key, which
      // cascades a move to them: they are versioned and audited like any other write.
      const moved = await write.tx.production.findMany({ where: { factoryId: id, countryCode: { not: country } }, select: { id: true } });
      const before = await Promise.all(moved.map(async ({ id: productionId }) => ({ productionId, snapshot: await snapshotOf(write.tx, production, productionId) })));
      return async () => {
        if (before.length === 0) return;
        await write.tx.production.updateMany({ where: { id: { in: moved.map((p) => p.id) } }, data: { version: { increment: 1 } } });
        for (const { productionId, snapshot } of before) {
          await write.audit({ entityType: production.changeType, entityId: productionId, action: "UPDATE", before: snapshot, after: await snapshotOf(write.tx, production, productionId) });
        }
      };
    },
  },
  delete: {
    name: "deleteFactory",
    description: "Deletes a factory with its citations and claims. Refused while productions are recorded at it.",
    before: async ({ tx }, { id, reference }) => {
      const productions = await tx.production.count({ where: { factoryId: id } });
      if (productions > 0) {
        throw new ConflictError(`${productions} production(s) are recorded at the factory "${reference}"; delete or move them first.`, "HAS_DEPENDENTS", ["input", "id"]);
      }
    },
  },
});

