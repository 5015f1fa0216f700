"use client";

import { useEffect } from "react";
import { StatusPage } from "@/components/status-page";
import { primaryButtonClass } from "@/components/button-styles";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      action={
        <button type="button" onClick={reset} className={primaryButtonClass}>
          Try again
        </button>
      }
    >
      <p>
        We could not load this page. Try again in a moment; if it keeps happening, contact your administrator
        {error.digest ? ` and mention reference ${error.digest}` : ""}.
      </p>
    </StatusPage>
  );
}
