import path from "node:path";
import { z } from "zod";
import { TokenScope } from "../generated/prisma/enums.ts";

/**
 * The local channel a running server offers for token commands. PGlite lets one process
 * open a data folder, so while the server runs, `npm run token:create`/`token:revoke`
 * cannot open the database themselves: they send the command to the server instead,
 * over a Unix domain socket inside the data folder that only the folder's owner can use
 * (mode 0600, in a 0700 folder). One JSON request per connection, one JSON response back.
 */
export function controlSocketDir(dataDir: string): string {
  return path.join(dataDir, "control");
}

export function controlSocketPath(dataDir: string): string {
  return path.join(controlSocketDir(dataDir), "solegraph.sock");
}

/** Largest request accepted, in bytes: a command is a few hundred. */
export const MAX_REQUEST_BYTES = 16 * 1024;

export const controlRequestSchema = z.discriminatedUnion("command", [
  z.strictObject({
    command: z.literal("token:create"),
    name: z.string().max(200),
    scopes: z.array(z.enum(TokenScope)).max(10),
  }),
  z.strictObject({ command: z.literal("token:revoke"), name: z.string().max(200) }),
]);

export type ControlRequest = z.infer<typeof controlRequestSchema>;

/** A token as the commands report it: JSON-safe, never its hash. */
export interface TokenSummary {
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export type ControlResult =
  | { readonly command: "token:create"; readonly token: string; readonly summary: TokenSummary }
  | { readonly command: "token:revoke"; readonly alreadyRevoked: boolean; readonly summary: TokenSummary };

export type ControlResponse = { readonly ok: true; readonly result: ControlResult } | { readonly ok: false; readonly error: string };
