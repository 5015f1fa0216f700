// A proxy's port to the Node side of its app. Edge-safe. A proxy that must stay web-standard
// cannot import what needs a database or Auth.js, so the app's composition root builds those
// capabilities at server start (Next's instrumentation `register()`, Node runtime) and
// registers them here; the proxy reads them per request and fails closed while there are none.
// The slot lives on globalThis under a registry symbol: Next bundles instrumentation, the proxy
// and the route handlers separately, so a module-level variable would be one per bundle.

export type ProxyPort<T> = {
  /** Called once per process by the composition root (tests register their own instances). */
  register(value: T): void;
  unregister(): void;
  /** The registered value now, or after at most `timeoutMs` (null: still none — answer 503). */
  await(timeoutMs: number): T | Promise<T | null>;
};

type Slot<T> = { value?: T; waiters: Set<(value: T) => void> };

/** The port named `name` (one per app, e.g. "@repo/web/proxy-runtime"). */
export function proxyPort<T>(name: string): ProxyPort<T> {
  const key = Symbol.for(name);
  const slot = (): Slot<T> => {
    const g = globalThis as unknown as Record<symbol, Slot<T> | undefined>;
    g[key] ??= { waiters: new Set() };
    return g[key];
  };
  return {
    register(value) {
      const s = slot();
      s.value = value;
      for (const wake of s.waiters) wake(value);
      s.waiters.clear();
    },
    unregister() {
      slot().value = undefined;
    },
    await(timeoutMs) {
      const s = slot();
      if (s.value !== undefined) return s.value;
      return new Promise<T | null>((resolve) => {
        const wake = (value: T) => {
          clearTimeout(timer);
          resolve(value);
        };
        const timer = setTimeout(() => {
          s.waiters.delete(wake);
          resolve(null);
        }, timeoutMs);
        s.waiters.add(wake);
      });
    },
  };
}
