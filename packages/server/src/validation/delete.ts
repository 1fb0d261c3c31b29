import { z } from "zod";
import { expectedVersion, reference } from "./fields.ts";

export const deleteSchema = z.strictObject({ id: reference, expectedVersion });
