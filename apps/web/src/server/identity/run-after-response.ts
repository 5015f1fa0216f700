// Runs work after the response has been sent (Next's `after`), so its duration can't be measured
// by the client (forgot-password: no enumeration by timing). Outside a Next request scope
// (scripts, tests) `after` throws; the work then runs detached. Errors are logged, never thrown.
import { after } from "next/server";

export function runAfterResponse(work: () => Promise<unknown>): void {
  const task = async () => {
    try {
      await work();
    } catch (error) {
      console.error("[web] background task failed", error);
    }
  };
  try {
    after(task);
  } catch {
    void task();
  }
}
