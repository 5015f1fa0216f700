// Starts `redis-server` as a child process (in-memory, loopback only). Node tooling only.
// Guarantees: resolves once the port accepts connections; the child is killed on `stop()`
// and, as a last resort, when this Node process exits.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { waitForPort } from "./find-free-port";
import { ServicesError } from "./services-error";
import { type StartedService } from "./start-embedded-postgres";

/** True when a `redis-server` binary is on PATH. */
export function isRedisServerInstalled(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).error === undefined;
}

export async function startRedisServer(port: number): Promise<StartedService> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);

  const exited = once(child, "exit");
  try {
    await Promise.race([
      waitForPort("127.0.0.1", port),
      exited.then(() => Promise.reject(new Error("redis-server exited during startup"))),
    ]);
  } catch (error) {
    child.kill("SIGKILL");
    process.off("exit", killOnExit);
    throw new ServicesError("redis_start_failed", `redis-server failed on port ${port}: ${String(error)}\n${output}`, {
      cause: error,
    });
  }

  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exited;
  };
  return { url: `redis://127.0.0.1:${port}`, stop };
}
