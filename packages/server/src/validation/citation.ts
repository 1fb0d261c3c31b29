import { z } from "zod";
import { quote, reference } from "./fields.ts";

export const citeSchema = z.strictObject({ fact: reference, source: reference, quote: quote.nullish() });

export const unciteSchema = z.strictObject({ fact: reference, source: reference });
