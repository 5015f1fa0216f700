import { ServicesError } from "../services-error";
import { type RunningServices, type ServicesMode, startServices } from "../start-services";

/** CLI wrapper: on a known failure print ONE clear message (what to do) and exit 1. */
export async function startServicesOrExit(mode: ServicesMode): Promise<RunningServices> {
  try {
    const services = await startServices(mode);
    for (const description of services.started) console.error(`[services] started ${description}`);
    return services;
  } catch (error) {
    if (!(error instanceof ServicesError)) throw error;
    console.error(`[services] ${error.message}`);
    process.exit(1);
  }
}

/** Prints `NAME=value` lines for the service env (tokens included: these are local dev values). */
export function printServicesEnv(services: RunningServices): void {
  for (const [name, value] of Object.entries(services.env)) console.log(`${name}=${value}`);
}
