import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Loads `<root>/.env.local` then `<root>/.env` into process.env for dev CLIs. Variables already
 * set (shell, CI) win, and `.env.local` wins over `.env`. Returns the files that were loaded.
 */
export function loadRootEnvFiles(repoRoot: string): string[] {
  const loaded: string[] = [];
  for (const name of [".env.local", ".env"]) {
    const path = join(repoRoot, name);
    if (!existsSync(path)) continue;
    process.loadEnvFile(path);
    loaded.push(name);
  }
  return loaded;
}
