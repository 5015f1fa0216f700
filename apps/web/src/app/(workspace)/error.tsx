"use client";

import { useEffect } from "react";
import { primaryButtonClass } from "@/components/button-styles";

/** Shown inside the shell when a page fails to load; the shell (and sign-out) stays usable. */
export default function WorkspaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6">
      <h1 className="text-base font-semibold text-red-800">This page could not be loaded</h1>
      <p className="mt-1 text-sm text-red-700">
        Something went wrong on our side. Try again; if it keeps happening, contact your administrator
        {error.digest ? ` and mention reference ${error.digest}` : ""}.
      </p>
      <button type="button" onClick={reset} className={`${primaryButtonClass} mt-4`}>
        Try again
      </button>
    </div>
  );
}
