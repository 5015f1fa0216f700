// Next calls register() once when a server starts: validate the environment there (see
// server/check-startup-env.ts). The Node-only module is imported behind Next's runtime check so
// the edge bundle never includes it.
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next's documented runtime switch (inlined at build time).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartupEnv } = await import("./server/check-startup-env");
  await checkStartupEnv();
}
