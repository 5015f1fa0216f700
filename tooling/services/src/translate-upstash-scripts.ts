import { createHash } from "node:crypto";

/**
 * Upstash accepts Lua shebang flags that open-source Redis rejects ("Unexpected flag in script
 * shebang"): `@upstash/ratelimit` ≥ 2.2 sends `#!lua flags=allow-key-locking` (a locking hint
 * only Upstash understands). The bridge strips such flags before Redis sees the script and keeps
 * the SHA the client computed from the original text working for EVALSHA and SCRIPT LOAD.
 */
const UPSTASH_ONLY_FLAGS = new Set(["allow-key-locking"]);

export interface TranslatedCommand {
  command: string[];
  /** Turns Redis's reply into the reply Upstash would give for the original command. */
  mapReply: (reply: unknown) => unknown;
}

const unchanged = (reply: unknown) => reply;

/** Removes Upstash-only flags from a leading `#!lua ... flags=a,b` line; null if nothing to remove. */
export function stripUpstashScriptFlags(script: string): string | null {
  const shebang = /^#!lua([^\n]*)/.exec(script);
  if (!shebang) return null;
  let isChanged = false;
  const options = (shebang[1] ?? "")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((option) => {
      if (!option.startsWith("flags=")) return [option];
      const flags = option.slice("flags=".length).split(",").filter(Boolean);
      const kept = flags.filter((flag) => !UPSTASH_ONLY_FLAGS.has(flag));
      if (kept.length === flags.length) return [option];
      isChanged = true;
      return kept.length > 0 ? [`flags=${kept.join(",")}`] : [];
    });
  if (!isChanged) return null;
  return ["#!lua", ...options].join(" ") + script.slice(shebang[0].length);
}

/** One translator per bridge: remembers client SHA → Redis SHA for rewritten scripts. */
export function createScriptTranslator(): (command: string[]) => TranslatedCommand {
  const redisShaByClientSha = new Map<string, string>();
  const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

  const rewriteScriptAt = (command: string[], index: number): { command: string[]; clientSha: string } | null => {
    const script = command[index];
    const stripped = script === undefined ? null : stripUpstashScriptFlags(script);
    if (script === undefined || stripped === null) return null;
    const clientSha = sha1(script);
    redisShaByClientSha.set(clientSha, sha1(stripped));
    return { command: command.with(index, stripped), clientSha };
  };

  return (command) => {
    const name = command[0]?.toUpperCase();
    if (name === "EVAL" || name === "EVAL_RO") {
      return { command: rewriteScriptAt(command, 1)?.command ?? command, mapReply: unchanged };
    }
    if (name === "EVALSHA" || name === "EVALSHA_RO") {
      const redisSha = redisShaByClientSha.get(command[1]?.toLowerCase() ?? "");
      return { command: redisSha ? command.with(1, redisSha) : command, mapReply: unchanged };
    }
    if (name === "SCRIPT" && command[1]?.toUpperCase() === "LOAD") {
      const rewritten = rewriteScriptAt(command, 2);
      if (rewritten) return { command: rewritten.command, mapReply: () => rewritten.clientSha };
    }
    return { command, mapReply: unchanged };
  };
}
