// The admin proxy as a server runs it: its Node-side options registered first (what
// instrumentation.ts does at start). Call after the test's env is in place.
export async function loadProxy() {
  const { registerAdminProxyRuntime } = await import("../../src/server/auth/register-proxy-runtime");
  await registerAdminProxyRuntime();
  return (await import("../../src/proxy")).proxy;
}
