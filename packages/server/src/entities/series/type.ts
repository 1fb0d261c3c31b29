import { plannedObject, type PlannedRef } from "../../read/planned-types.ts";
import { by, columnValue } from "../../read/plans.ts";
import { plannedQueryFields } from "../../read/root-fields.ts";
import { sql, type Sql } from "../../read/sql.ts";
import { textValue } from "../../read/values.ts";
import { madeInOf, madeInUsaOf, MadeInVerdictRef } from "../sneaker-model/verdict.ts";
import { SneakerModelNode } from "../sneaker-model/type.ts";

/**
 * A series (a model line such as the 990) is not a table: it is the models that share
 * a `series` value, as one derived row ("name", "modelIds"). Questions people ask of a
 * line ("is the 990 made in the USA?") are answered across its versions.
 */
const modelsOfSeries = (row: Sql) => sql`${row}."modelIds"`;

export const SeriesRef: PlannedRef = plannedObject("Series", {
  description: "A model line, e.g. the 990: the models whose `series` it is, across their versions.",
  fields: (t) => ({
    name: t.field("String", columnValue("name")),
    models: t.field(
      [SneakerModelNode],
      { kind: "list", rows: ({ row }, alias) => ({ from: sql`"SneakerModel"`, where: sql`${alias}.id = ANY(${modelsOfSeries(row)})`, orderBy: [by("name"), by("id")] }) },
      { description: "The series' models, by name." },
    ),
    madeIn: t.field([MadeInVerdictRef], madeInOf(modelsOfSeries), {
      description: "A verdict per country where any of the series' models is produced or claimed to be made.",
    }),
    madeInUsa: t.field(MadeInVerdictRef, madeInUsaOf(modelsOfSeries), {
      description: "Is the line made in the USA? Across all its models: status, basis, factories, sources and the claims for and against.",
    }),
  }),
});

plannedQueryFields((t) => ({
  series: t.field(
    SeriesRef,
    {
      kind: "row",
      rows: ({ args }) => ({
        from: sql`(SELECT min(m.series) AS name, array_agg(m.id ORDER BY m.name, m.id) AS "modelIds"
                     FROM "SneakerModel" m
                    WHERE lower(m.series) = lower(${textValue(String(args["name"]))})
                      ${typeof args["brand"] === "string" ? sql`AND m."brandId" = (SELECT b.id FROM "Brand" b WHERE b.slug = ${textValue(args["brand"])})` : sql``}
                   HAVING count(*) > 0)`,
      }),
    },
    {
      nullable: true,
      description: "A model line by name (case-insensitive), e.g. \"990\", optionally of one brand; null when no model is in it.",
      args: { name: t.t.arg.string({ required: true }), brand: t.t.arg.string({ required: false, description: "Brand slug." }) },
    },
  ),
}));
