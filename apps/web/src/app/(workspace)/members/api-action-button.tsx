"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/send-json";

/** A button that calls this host's API, then refreshes the page; shows the API's message on failure. */
export function ApiActionButton(props: {
  method: string;
  path: string;
  body?: unknown;
  label: string;
  confirm?: string;
  className: string;
  testId?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onClick() {
    if (props.confirm && !window.confirm(props.confirm)) return;
    setIsPending(true);
    setError(null);
    const response = await sendJson(props.method, props.path, props.body);
    setIsPending(false);
    if (!response.ok) return setError(response.message);
    router.refresh();
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={onClick}
        disabled={isPending}
        className={props.className}
        data-testid={props.testId}
      >
        {props.label}
      </button>
      {error ? (
        <span role="alert" className="max-w-60 text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
