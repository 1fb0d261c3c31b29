import { rules } from "@solegraph/db";
import { z } from "zod";
import { defineEntity } from "../../curation/entity.ts";
import { curatedMutations } from "../../curation/mutations.ts";
import { SourceNode } from "./type.ts";

const { Source } = rules.COLUMNS;

export const source = defineEntity({
  typename: "Source",
  model: "Source",
  label: "source",
  changeType: "SOURCE",
  node: () => SourceNode,
});

curatedMutations({
  entity: source,
  node: SourceNode,
  payloadField: "source",
  fields: {
    slug: { type: "String", rule: Source.slug, required: true, description: "URL-safe identifier (unique)." },
    title: { type: "String", rule: Source.title, required: true },
    publisher: { type: "String", rule: Source.publisher },
    url: { type: "String", rule: Source.url, description: "An http(s) URL." },
    publishedOn: { type: "Date", rule: z.date() },
  },
  create: { name: "createSource", description: "Adds a source that facts can cite (see `cite`)." },
});
