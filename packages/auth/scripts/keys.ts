// `pnpm auth:keys <command>` — staged rotation of AUTH_SIGNING_KEYS (a private JWK set).
// The rules live in src/token/key-rotation.ts; this file reads and writes the set. `--help` below.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  JWKS_MAX_AGE_SECONDS,
  KeyRotationError,
  SigningKeyError,
  describeKeys,
  generateSigningJwk,
  parseSigningJwks,
  promoteKey,
  publishKey,
  retireKey,
  type PrivateSigningJwk,
  type SigningAlgorithm,
} from "@repo/auth/token";
import { findRepoRoot, loadAuthSettings } from "@repo/auth/settings";

const HELP = `Usage: pnpm auth:keys <command> [options]

Manage AUTH_SIGNING_KEYS, the private JWK set that signs session tokens. Every key in the set
verifies and is published at /.well-known/jwks.json; exactly one key signs.

Commands
  print                 List the keys: kid, alg, state (published | signing | retiring), dates (default)
  generate              Create a new set with one signing key. Refuses to replace an existing set
  publish (alias: add)  Add a new key verify-only. Deploy the set to EVERY instance first
  promote <kid>         Make a published key sign; the old signer becomes retiring. Refused until
                        the key has been published for the JWKS cache time (${2 * JWKS_MAX_AGE_SECONDS} s)
  retire <kid>          Remove a key. Refused for the signer and for a key that stopped signing
                        less than the absolute session cap ago (AUTH_ABSOLUTE_SESSION_CAP)

Options
  --alg ES256|EdDSA     Algorithm of a new key (generate, publish; default ES256)
  --force               Do the refused thing anyway (replace a set, promote early, retire early
                        or retire the signer): sessions may be signed out
  --print               Print the AUTH_SIGNING_KEYS line instead of writing <repo>/.env.local
  -h, --help            This text

The current set is read from AUTH_SIGNING_KEYS, else .env.local, else .data/auth-keys.json (dev).
Rotation with several instances: publish → deploy → wait → promote → deploy → wait → retire → deploy.`;

const root = findRepoRoot(process.cwd());
const envFile = join(root, ".env.local");
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("-")));
const positional = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "--alg");
const command = positional[0] ?? "print";
const force = flags.has("--force");
const toStdout = flags.has("--print");
const algIndex = args.indexOf("--alg");
const alg = (algIndex === -1 ? "ES256" : args[algIndex + 1]) as SigningAlgorithm;
const now = () => Math.floor(Date.now() / 1000);

function fail(message: string): never {
  console.error(`auth:keys: ${message}`);
  process.exit(1);
}

function readEnvLocal(): string | undefined {
  if (!existsSync(envFile)) return undefined;
  const line = readFileSync(envFile, "utf8")
    .split("\n")
    .find((l) => l.startsWith("AUTH_SIGNING_KEYS="));
  if (!line) return undefined;
  return line.slice("AUTH_SIGNING_KEYS=".length).replace(/^'|'$/g, "");
}

function readConfiguredSet(): string | undefined {
  return process.env.AUTH_SIGNING_KEYS || readEnvLocal();
}

function currentKeys(): PrivateSigningJwk[] {
  const devFile = join(root, ".data", "auth-keys.json");
  const source = readConfiguredSet() ?? (existsSync(devFile) ? readFileSync(devFile, "utf8") : undefined);
  if (!source)
    fail("no key set found (AUTH_SIGNING_KEYS, .env.local or .data/auth-keys.json); run `pnpm auth:keys generate`");
  return parseSigningJwks(source);
}

function write(keys: PrivateSigningJwk[]): void {
  const line = `AUTH_SIGNING_KEYS='${JSON.stringify({ keys })}'`;
  if (toStdout) {
    console.log(line);
    return;
  }
  const existing = existsSync(envFile)
    ? readFileSync(envFile, "utf8")
        .split("\n")
        .filter((l) => !l.startsWith("AUTH_SIGNING_KEYS="))
    : [];
  const body = [...existing.filter((l, i, a) => l !== "" || i < a.length - 1), line].join("\n") + "\n";
  writeFileSync(envFile, body, { mode: 0o600 });
  console.error(`auth:keys: wrote AUTH_SIGNING_KEYS (${keys.length} key${keys.length === 1 ? "" : "s"}) to ${envFile}`);
}

const iso = (seconds: number | undefined) =>
  seconds === undefined ? "unknown" : new Date(seconds * 1000).toISOString();

function describe(keys: PrivateSigningJwk[]): void {
  // With --print, stdout carries only the AUTH_SIGNING_KEYS line (pipe-able).
  const out = toStdout ? console.error : console.log;
  for (const k of describeKeys(keys)) {
    out(`${k.status.padEnd(9)}  ${k.kid}  ${k.alg.padEnd(5)}  created ${iso(k.createdAt)}  since ${iso(k.since)}`);
  }
}

function requireKid(): string {
  const kid = positional[1];
  if (!kid) fail(`usage: pnpm auth:keys ${command} <kid> [--force] (see --help)`);
  return kid;
}

async function run(): Promise<void> {
  if (flags.has("--help") || flags.has("-h") || command === "help") {
    console.log(HELP);
    return;
  }
  if (alg !== "ES256" && alg !== "EdDSA") fail(`--alg must be ES256 or EdDSA, got ${String(alg)}`);
  switch (command) {
    case "generate": {
      if (readConfiguredSet() && !force) {
        fail(
          "a key set already exists (AUTH_SIGNING_KEYS or .env.local); replacing it signs everybody out. Use `publish` to rotate, or pass --force",
        );
      }
      const key = await generateSigningJwk(alg);
      write([{ ...key, status: "signing", since: key.iat ?? now() }]);
      break;
    }
    case "add":
    case "publish": {
      const keys = publishKey(currentKeys(), await generateSigningJwk(alg), now());
      write(keys);
      console.error(
        `auth:keys: published ${keys[0]!.kid} (verify-only). Deploy this set to every instance, then after ${2 * JWKS_MAX_AGE_SECONDS} s: pnpm auth:keys promote ${keys[0]!.kid}`,
      );
      break;
    }
    case "promote": {
      const kid = requireKid();
      write(promoteKey(currentKeys(), kid, { now: now(), jwksCacheTtlSeconds: 2 * JWKS_MAX_AGE_SECONDS, force }));
      console.error(
        `auth:keys: ${kid} signs once this set is deployed; the former signer verifies until you retire it (after ${loadAuthSettings().absoluteSessionCap} s)`,
      );
      break;
    }
    case "retire": {
      const kid = requireKid();
      write(
        retireKey(currentKeys(), kid, { now: now(), sessionCapSeconds: loadAuthSettings().absoluteSessionCap, force }),
      );
      console.error(`auth:keys: retired ${kid}; tokens it signed no longer verify once this set is deployed`);
      break;
    }
    case "print":
    case "list": {
      const keys = currentKeys();
      describe(keys);
      if (toStdout) write(keys);
      break;
    }
    default:
      fail(`unknown command ${command}; see pnpm auth:keys --help`);
  }
}

run().catch((error: unknown) => {
  if (error instanceof KeyRotationError || error instanceof SigningKeyError) fail(error.message);
  throw error;
});
