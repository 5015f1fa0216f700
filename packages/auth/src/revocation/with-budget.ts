// Bounded waits for store calls. Edge-safe.

export class TimeoutError extends Error {
  readonly code = "timeout";
}

/** Races `promise` against a timer; rejects with TimeoutError when the budget runs out. */
export function withBudget<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** "timeout" for a budget overrun or an aborted fetch, else "error". */
export const failureKind = (error: unknown): "timeout" | "error" =>
  error instanceof TimeoutError || (error as Error | undefined)?.name === "AbortError" ? "timeout" : "error";
