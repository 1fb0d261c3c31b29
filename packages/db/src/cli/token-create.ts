import { parseScopeName } from "../tokens/token-store.ts";
import { DATABASE_HELP, runCli } from "./run-cli.ts";
import { runTokenCommand } from "./token-command.ts";

await runCli(
  {
    usage: `Usage: npm run token:create -- --name NAME --scope curate [--scope admin]

Creates an API token and prints it once, on stdout; only its SHA-256 hash is stored.
Send it as \`Authorization: Bearer <token>\`. Works whether or not the server is
running: with the embedded database in use by a running server, the server creates it.

Options:
  --name NAME     who the token is for, as the audit trail will name them (letters,
                  digits, ".", "_", "-"; never reused, even after revoking)
  --scope SCOPE   curate: create, update and delete facts and citations
                  admin:  read the audit trail (\`changes\`)
                  repeat to grant both

${DATABASE_HELP}`,
    options: { name: { type: "string" }, scope: { type: "string", multiple: true } },
  },
  async (values) => {
    if (!values.name) throw new Error("--name is required (see --help).");
    if (!values.scope?.length) throw new Error("--scope is required: curate, admin, or both (see --help).");
    const scopes = values.scope.map(parseScopeName);
    const { result, where } = await runTokenCommand({ command: "token:create", name: values.name, scopes });
    if (result.command !== "token:create") throw new Error("Unexpected answer to token:create.");
    // The token alone on stdout, so `TOKEN=$(npm run -s token:create -- ...)` works.
    console.error(`Created token "${result.summary.name}" (${result.summary.scopes.join(", ").toLowerCase()}) on ${where}.`);
    console.error("It is shown only this once: store it now.");
    console.log(result.token);
  },
);
