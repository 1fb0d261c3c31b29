import { builder } from "../../builder.ts";
import { runWrite, writeAndRead } from "../../curation/write.ts";
import { given, parsed } from "../../validation/parsed.ts";
import { createSourceSchema } from "../../validation/source.ts";
import { SourceNode } from "../source.ts";
import { entityPayload, mutationResult, payloadResult } from "./result.ts";

const CreateSourceInput = builder.inputType("CreateSourceInput", {
  fields: (t) => ({
    slug: t.string({ required: true, description: "URL-safe identifier (unique)." }),
    title: t.string({ required: true }),
    publisher: t.string(),
    url: t.string({ description: "An http(s) URL." }),
    publishedOn: t.field({ type: "Date" }),
  }),
  validate: { schema: createSourceSchema },
});

const CreateSourcePayload = entityPayload("CreateSource", "source", SourceNode);

builder.mutationFields((t) => ({
  createSource: t.withAuth({ curate: true }).field({
    type: CreateSourcePayload,
    description: "Adds a source that facts can cite (see `cite`). Needs a token with the `curate` scope.",
    errors: payloadResult("CreateSource"),
    args: { input: t.arg({ type: CreateSourceInput, required: true }) },
    resolve: (_root, args, context, info) =>
      writeAndRead(context, info, "CreateSourcePayload", "Source", async ({ tx, audit }) => {
        const source = await tx.source.create({ data: given(parsed(createSourceSchema, args.input)) });
        await audit({ entityType: "SOURCE", entityId: source.id, action: "CREATE", after: source });
        return source.id;
      }),
  }),
}));
