"use client";

import { useActionState } from "react";
import { dangerButtonClass } from "@/components/button-styles";
import { deleteProjectAction, type ProjectActionState } from "./actions";

const initialState: ProjectActionState = { status: "idle" };

export function DeleteProjectButton({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [state, formAction, isPending] = useActionState(deleteProjectAction, initialState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Delete “${projectName}”? This cannot be undone.`)) event.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="id" value={projectId} />
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-600">
          {state.message}
        </span>
      ) : null}
      <button type="submit" disabled={isPending} className={dangerButtonClass} aria-label={`Delete ${projectName}`}>
        {isPending ? "Deleting…" : "Delete"}
      </button>
    </form>
  );
}
