"use client";
// Every destructive action goes through this dialog. With `typeToConfirm` the confirm button
// stays disabled until the operator types that exact text (used for deleting a tenant).
import { useRef, useState, type ReactNode } from "react";
import { BUTTON_STYLES, INPUT_STYLE, type ButtonVariant } from "./button-styles";
import { ErrorBanner } from "./error-banner";

export type ConfirmDialogProps = {
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  typeToConfirm?: string;
  disabled?: boolean;
  onConfirm: () => Promise<void>;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canConfirm = !pending && (props.typeToConfirm === undefined || typed === props.typeToConfirm);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await props.onConfirm();
      dialogRef.current?.close();
      setTyped("");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        disabled={props.disabled}
        className={BUTTON_STYLES[props.triggerVariant ?? "dangerOutline"]}
        onClick={() => dialogRef.current?.showModal()}
      >
        {props.triggerLabel}
      </button>
      <dialog ref={dialogRef} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4 p-5">
          <h2 className="text-lg font-semibold">{props.title}</h2>
          <div className="text-sm text-slate-700">{props.description}</div>
          {props.typeToConfirm !== undefined ? (
            <label className="block text-sm">
              Type <code className="rounded bg-slate-100 px-1">{props.typeToConfirm}</code> to confirm
              <input
                aria-label="Confirmation text"
                className={`${INPUT_STYLE} mt-1 w-full`}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
              />
            </label>
          ) : null}
          <ErrorBanner message={error} />
          <div className="flex justify-end gap-2">
            <button type="button" className={BUTTON_STYLES.secondary} onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
            <button type="button" className={BUTTON_STYLES.danger} disabled={!canConfirm} onClick={confirm}>
              {pending ? "Working…" : props.confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
