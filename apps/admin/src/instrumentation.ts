// Next calls register() once when a server starts (Node runtime only; the Node-only modules are
// imported behind Next's runtime check so the edge bundle never includes them):
// - validate the environment (see server/check-startup-env.ts), exiting with one line on a bad value;
// - normalise absolute-form request lines, which Next's router answers before the proxy runs;
// - register the proxy's Node-side options (server/auth/register-proxy-runtime.ts): the proxy
//   imports only web-standard code and answers 503 until this has run.
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next's documented runtime switch (inlined at build time).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartupEnv } = await import("./server/check-startup-env");
  await checkStartupEnv();
  const { normalizeAbsoluteFormRequests } = await import("@repo/auth/server");
  normalizeAbsoluteFormRequests();
  const { registerAdminProxyRuntime } = await import("./server/auth/register-proxy-runtime");
  await registerAdminProxyRuntime();
}
