import { redactUrl } from "./target.ts";

/**
 * A PostgreSQL server that cannot be reached or refuses us, explained in terms of
 * DATABASE_URL (its password never shown) and what to check, instead of a bare
 * `connect ECONNREFUSED 127.0.0.1:5432`.
 */
export class DatabaseConnectionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DatabaseConnectionError";
  }
}

const REASONS: Record<string, (url: URL) => string> = {
  ECONNREFUSED: (url) => `nothing accepts connections at ${url.hostname}:${url.port || 5432}. Is PostgreSQL running there, and are DATABASE_URL's host and port right?`,
  ENOTFOUND: (url) => `the host "${url.hostname}" is unknown. Check DATABASE_URL's host name.`,
  EAI_AGAIN: (url) => `the host "${url.hostname}" could not be looked up (DNS). Check DATABASE_URL's host name and the network.`,
  ETIMEDOUT: (url) => `${url.hostname}:${url.port || 5432} did not answer in time. Check the host, port and any firewall between.`,
  EHOSTUNREACH: (url) => `${url.hostname} cannot be reached from here. Check the network and DATABASE_URL's host.`,
  // PostgreSQL's own refusals (SQLSTATE codes).
  "28P01": () => "the server refused the password. Check DATABASE_URL's user and password.",
  "28000": () => "the server refused this user (pg_hba.conf). Check DATABASE_URL's user, or the server's access rules.",
  "3D000": (url) => `the database "${url.pathname.slice(1)}" does not exist on that server. Create it (createdb ${url.pathname.slice(1)}), or fix DATABASE_URL's database name.`,
  "53300": () => "the server has no connection slots left (too many connections). Lower the pool size or raise max_connections.",
  "57P03": () => "the server is starting up or shutting down; try again shortly.",
};

/** The error to show for a failed first connection to `url`, or the error itself when it is not one we can explain. */
export function explainConnectionError(error: unknown, url: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === "string" ? REASONS[code] : undefined;
  if (!reason || !URL.canParse(url)) return error;
  return new DatabaseConnectionError(`Cannot connect to the database in DATABASE_URL (${redactUrl(url)}): ${reason(new URL(url))}`, { cause: error });
}
