import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The `scripts` of a workspace's package.json (empty when the file or field is missing). */
export function readWorkspaceScripts(workspaceDir: string): Record<string, string> {
  try {
    const manifest = JSON.parse(readFileSync(join(workspaceDir, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    return manifest.scripts ?? {};
  } catch {
    return {};
  }
}
