// Runs once when the server starts (Next instrumentation hook).
export async function register(): Promise<void> {
  // The proxy can't see this: Next's router answers absolute-form request lines before it runs.
  // eslint-disable-next-line no-restricted-properties -- Next's own runtime marker, not configuration
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { normalizeAbsoluteFormRequests } = await import("@repo/auth/server");
    normalizeAbsoluteFormRequests();
  }
}
