"use client";
// Re-queues one delivery now (same event id, so the receiver can de-duplicate).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BUTTON_STYLES } from "@/components/button-styles";
import { callApi } from "@/components/call-api";

export function RetryDeliveryButton({ path }: { path: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={BUTTON_STYLES.secondary}
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setMessage(null);
          try {
            await callApi("POST", path);
            setMessage("Queued");
            router.refresh();
          } catch (e) {
            setMessage(e instanceof Error ? e.message : String(e));
          } finally {
            setPending(false);
          }
        }}
      >
        Retry
      </button>
      {message ? <span className="text-xs text-slate-600">{message}</span> : null}
    </span>
  );
}
