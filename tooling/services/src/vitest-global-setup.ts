// Vitest global setup for the whole monorepo (root vitest.config.ts). Runs once per `vitest run`
// in the main process: starts or reuses real Postgres ×2, Redis and the Upstash-REST bridge,
// exports their URLs to process.env (inherited by workers) and via `provide`, and tears down
// only what it started. Set any of the variables yourself to point tests at your own services.
import type {} from "vitest";
import { type TestProject } from "vitest/node";
import { ServicesError } from "./services-error";
import { type ServicesEnv, serviceEnvNames, startServices } from "./start-services";

declare module "vitest" {
  export interface ProvidedContext {
    services: ServicesEnv;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  let services;
  try {
    services = await startServices("test");
  } catch (error) {
    // One clear line (plus the service's own output) instead of a stack in every test file.
    if (error instanceof ServicesError) throw new Error(`[services] ${error.code}: ${error.message}`);
    throw error;
  }
  for (const name of serviceEnvNames) {
    const value = services.env[name];
    if (value !== undefined) process.env[name] = value;
  }
  project.provide("services", services.env);
  if (services.started.length > 0) {
    console.log(`[services] started ${services.started.join(", ")} in ${Date.now() - startedAt} ms`);
  }
  return () => services.stop();
}
