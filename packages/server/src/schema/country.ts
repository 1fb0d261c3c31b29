import { builder } from "../builder.ts";

export const CountryRef = builder.prismaObject("Country", {
  description: "A country by its ISO 3166-1 alpha-2 code.",
  fields: (t) => ({
    code: t.expose("code", { type: "CountryCode" }),
    name: t.exposeString("name"),
  }),
});
