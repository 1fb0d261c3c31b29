import { CountryCodeResolver, DateResolver, DateTimeResolver, URLResolver } from "graphql-scalars";
import { builder } from "../builder.ts";

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("Date", DateResolver);
builder.addScalarType("CountryCode", CountryCodeResolver);
builder.addScalarType("URL", URLResolver);
