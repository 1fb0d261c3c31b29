import { CountryCodeResolver, DateResolver, DateTimeResolver, URLResolver } from "graphql-scalars";
import { builder } from "../builder.ts";

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("Date", DateResolver);
builder.addScalarType("CountryCode", CountryCodeResolver);
builder.addScalarType("URL", URLResolver);

// Uploads only: graphql-yoga parses multipart requests and puts the WHATWG File where
// the request's `map` says; the scalar passes it through and never serializes.
builder.scalarType("File", {
  description: "A file sent with the request as a multipart upload (GraphQL multipart request spec).",
  serialize: () => {
    throw new Error("File is an input-only scalar.");
  },
  parseValue: (value) => {
    // graphql-yoga's File may be its own implementation (@whatwg-node), not Node's.
    if (typeof value === "object" && value !== null && typeof (value as Partial<Blob>).stream === "function") return value as File;
    throw new TypeError("expected an uploaded file (a multipart request part)");
  },
});
