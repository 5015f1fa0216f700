"use client";
// A confirmed call to the admin API followed by a refresh of the server-rendered page.
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { callApi } from "./call-api";
import { ConfirmDialog } from "./confirm-dialog";
import type { ButtonVariant } from "./button-styles";

export function ApiConfirmButton(props: {
  method: "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel?: string;
  typeToConfirm?: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  redirectTo?: string;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      triggerLabel={props.label}
      triggerVariant={props.variant}
      title={props.title}
      description={props.description}
      confirmLabel={props.confirmLabel ?? props.label}
      typeToConfirm={props.typeToConfirm}
      disabled={props.disabled}
      onConfirm={async () => {
        await callApi(props.method, props.path, props.body);
        if (props.redirectTo) router.push(props.redirectTo);
        router.refresh();
      }}
    />
  );
}
