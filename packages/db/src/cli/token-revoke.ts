import { DATABASE_HELP, runCli } from "./run-cli.ts";
import { runTokenCommand } from "./token-command.ts";

await runCli(
  {
    usage: `Usage: npm run token:revoke -- --name NAME

Revokes the API token with that name: from now on the server refuses it. The token stays
listed (the audit trail names it), so its name cannot be reused. Works whether or not the
server is running.

Options:
  --name NAME   the token's name, as given to token:create

${DATABASE_HELP}`,
    options: { name: { type: "string" } },
  },
  async (values) => {
    if (!values.name) throw new Error("--name is required (see --help).");
    const { result, where } = await runTokenCommand({ command: "token:revoke", name: values.name });
    if (result.command !== "token:revoke") throw new Error("Unexpected answer to token:revoke.");
    console.log(
      result.alreadyRevoked
        ? `Token "${result.summary.name}" was already revoked (at ${result.summary.revokedAt}); nothing changed.`
        : `Revoked token "${result.summary.name}" on ${where}.`,
    );
  },
);
