import { spawn } from "node:child_process";
import { constants } from "node:os";

export interface RunCommandOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Runs a command with inherited stdio and resolves with its exit code (128 + n when killed by
 * signal n, the shell convention). Never rejects: a missing binary resolves 127.
 * The child is sent SIGTERM if this process exits first, so nothing is orphaned.
 */
export function runCommand(command: string, args: readonly string[], options: RunCommandOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: options.env ?? process.env, cwd: options.cwd });
    const killChild = () => child.kill("SIGTERM");
    process.on("exit", killChild);
    child.once("error", (error) => {
      process.off("exit", killChild);
      console.error(`[services] could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      process.off("exit", killChild);
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
