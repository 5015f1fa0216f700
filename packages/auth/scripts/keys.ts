// `pnpm auth:keys <command>` — manage AUTH_SIGNING_KEYS (a private JWK set).
//   generate [--alg ES256|EdDSA]  new set with one key
//   add [--alg ES256|EdDSA]       add a key; it becomes the signer (newest), old keys keep verifying
//   retire <kid>                  drop a key: tokens it signed stop verifying
//   print                         show kids, algs, which key signs, and the public JWKS
// Writes AUTH_SIGNING_KEYS to <repo>/.env.local, or with --print prints the line instead.
// The current set is read from AUTH_SIGNING_KEYS, else .env.local, else .data/auth-keys.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSigningJwk, orderNewestFirst, parseSigningJwks, type PrivateSigningJwk, type SigningAlgorithm } from "@repo/auth/token";
import { findRepoRoot } from "@repo/auth/settings";

const root = findRepoRoot(process.cwd());
const envFile = join(root, ".env.local");
const args = process.argv.slice(2);
const command = args[0] ?? "print";
const toStdout = args.includes("--print");
const algIndex = args.indexOf("--alg");
const alg = (algIndex === -1 ? "ES256" : args[algIndex + 1]) as SigningAlgorithm;

function fail(message: string): never {
  console.error(`auth:keys: ${message}`);
  process.exit(1);
}

function readEnvLocal(): string | undefined {
  if (!existsSync(envFile)) return undefined;
  const line = readFileSync(envFile, "utf8").split("\n").find((l) => l.startsWith("AUTH_SIGNING_KEYS="));
  if (!line) return undefined;
  return line.slice("AUTH_SIGNING_KEYS=".length).replace(/^'|'$/g, "");
}

function currentKeys(): PrivateSigningJwk[] {
  const devFile = join(root, ".data", "auth-keys.json");
  const source = process.env.AUTH_SIGNING_KEYS ?? readEnvLocal() ?? (existsSync(devFile) ? readFileSync(devFile, "utf8") : undefined);
  if (!source) fail("no key set found (AUTH_SIGNING_KEYS, .env.local or .data/auth-keys.json); run `pnpm auth:keys generate`");
  return parseSigningJwks(source);
}

function write(keys: PrivateSigningJwk[]): void {
  const line = `AUTH_SIGNING_KEYS='${JSON.stringify({ keys })}'`;
  if (toStdout) {
    console.log(line);
    return;
  }
  const existing = existsSync(envFile) ? readFileSync(envFile, "utf8").split("\n").filter((l) => !l.startsWith("AUTH_SIGNING_KEYS=")) : [];
  const body = [...existing.filter((l, i, a) => l !== "" || i < a.length - 1), line].join("\n") + "\n";
  writeFileSync(envFile, body, { mode: 0o600 });
  console.log(`auth:keys: wrote AUTH_SIGNING_KEYS (${keys.length} key${keys.length === 1 ? "" : "s"}) to ${envFile}`);
}

function describe(keys: PrivateSigningJwk[]): void {
  orderNewestFirst(keys).forEach((k, i) => {
    const created = k.iat ? new Date(k.iat * 1000).toISOString() : "unknown";
    console.log(`${i === 0 ? "signs   " : "verifies"}  ${k.kid}  ${k.alg}  created ${created}`);
  });
}

if (alg !== "ES256" && alg !== "EdDSA") fail(`--alg must be ES256 or EdDSA, got ${alg}`);

switch (command) {
  case "generate": {
    write([await generateSigningJwk(alg)]);
    break;
  }
  case "add": {
    const keys = currentKeys();
    const added = await generateSigningJwk(alg);
    // Ensure the new key is strictly the newest even if clocks disagree.
    added.iat = Math.max(added.iat ?? 0, ...keys.map((k) => (k.iat ?? 0) + 1));
    write([added, ...keys]);
    console.log(`auth:keys: ${added.kid} now signs; ${keys.length} older key(s) still verify`);
    break;
  }
  case "retire": {
    const kid = args[1];
    if (!kid || kid.startsWith("--")) fail("usage: pnpm auth:keys retire <kid>");
    const keys = currentKeys();
    if (!keys.some((k) => k.kid === kid)) fail(`no key with kid ${kid}`);
    if (keys.length === 1) fail("refusing to retire the only key; `add` a new one first");
    write(keys.filter((k) => k.kid !== kid));
    console.log(`auth:keys: retired ${kid}; tokens it signed no longer verify`);
    break;
  }
  case "print": {
    const keys = currentKeys();
    describe(keys);
    if (toStdout) write(keys);
    break;
  }
  default:
    fail(`unknown command ${command}; use generate | add | retire <kid> | print [--print]`);
}
