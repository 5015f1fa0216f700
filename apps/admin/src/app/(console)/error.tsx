"use client";
// Route-segment error boundary: says what happened and offers a retry; no stack traces.
import { BUTTON_STYLES } from "@/components/button-styles";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="max-w-xl rounded-lg border border-red-200 bg-red-50 p-5">
      <h1 className="text-lg font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-1 text-sm text-red-800">
        {error.message || "An unexpected error occurred."} If a service (Postgres, Redis) is down, start it and retry.
        {error.digest ? <span className="block text-xs text-red-700">Reference: {error.digest}</span> : null}
      </p>
      <button type="button" className={`${BUTTON_STYLES.secondary} mt-3`} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
