// Development signing keys: generated once and persisted under `<repo>/.data/auth-keys.json`
// so sessions survive restarts and every app of the repo shares them. Node only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateSigningJwk } from "../token/index";

/** The nearest ancestor holding pnpm-workspace.yaml (the repo root), else `start`. */
export function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/** Reads the persisted dev key set, generating (and warning) on first use. Returns JSON. */
export async function loadOrCreateDevKeys(repoRoot: string): Promise<string> {
  const file = join(repoRoot, ".data", "auth-keys.json");
  if (existsSync(file)) return readFileSync(file, "utf8");
  const json = JSON.stringify({ keys: [await generateSigningJwk("ES256")] });
  mkdirSync(dirname(file), { recursive: true });
  // "wx": if another process won the race, keep its keys.
  try {
    writeFileSync(file, json, { flag: "wx", mode: 0o600 });
  } catch {
    return readFileSync(file, "utf8");
  }
  console.warn(
    `[@repo/auth] AUTH_SIGNING_KEYS is not set: generated a development key set in ${file}. Run \`pnpm auth:keys generate\` for real keys.`,
  );
  return json;
}
