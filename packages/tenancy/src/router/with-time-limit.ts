// A client-side bound on database work. `statement_timeout` is enforced by the server, so a
// server that has stalled (frozen process, black-holed network) never enforces it: the caller
// must stop waiting on its own. The abandoned query finishes or fails later on its connection.
import { DatabaseTimeoutError } from "../errors";

/** `work`, or DatabaseTimeoutError after `ms` (the timer never keeps the process alive). */
export function withTimeLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  if (!Number.isFinite(ms) || ms <= 0) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(what, ms)), ms);
    timer.unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
