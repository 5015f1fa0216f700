// A registered server's connection reference: `env:NAME` (the URL lives in that env var of
// every process — keeps secrets out of the control plane) or a literal postgres:// URL.
import { InvalidConnectionRefError } from "../errors";

export type ResolveEnv = (name: string) => string | undefined;

const ENV_REF = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;
const URL_REF = /^postgres(ql)?:\/\//;

/** Throws InvalidConnectionRefError unless `ref` is `env:NAME` or a postgres URL. */
export function assertConnectionRef(serverName: string, ref: string): void {
  if (!ENV_REF.test(ref) && !URL_REF.test(ref)) {
    throw new InvalidConnectionRefError(serverName, `connection reference must be "env:NAME" or a postgres:// URL`);
  }
}

/** The server's base URL (its own maintenance database, e.g. `/postgres`). */
export function resolveConnectionRef(serverName: string, ref: string, resolveEnv: ResolveEnv): string {
  const envMatch = ENV_REF.exec(ref);
  if (envMatch) {
    const value = resolveEnv(envMatch[1]!);
    if (!value)
      throw new InvalidConnectionRefError(serverName, `environment variable ${envMatch[1]} is not set in this process`);
    return value;
  }
  assertConnectionRef(serverName, ref);
  return ref;
}

/** The same server URL pointed at another database. */
export function withDatabase(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}
