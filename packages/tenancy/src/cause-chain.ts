// Internal: walks an error's `cause` links (drizzle wraps driver and routing errors in
// DrizzleQueryError). Not exported from the package.

/** `error`, then its `cause`, its cause's cause… (at most 5 links; wrappers nest shallowly). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current && chain.length < 5; current = (current as { cause?: unknown }).cause)
    chain.push(current);
  return chain;
}
