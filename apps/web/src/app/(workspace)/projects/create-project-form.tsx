"use client";

import { useActionState, useEffect, useRef } from "react";
import { inputClass, primaryButtonClass } from "@/components/button-styles";
import { createProjectAction, type ProjectActionState } from "./actions";

const initialState: ProjectActionState = { status: "idle" };

export function CreateProjectForm() {
  const [state, formAction, isPending] = useActionState(createProjectAction, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);
  const nameError = state.fields?.name?.[0];

  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <div className="flex-1">
        <label htmlFor="project-name" className="sr-only">
          Project name
        </label>
        <input
          id="project-name"
          name="name"
          required
          maxLength={120}
          placeholder="New project name"
          aria-invalid={nameError ? true : undefined}
          aria-describedby="project-name-status"
          className={inputClass}
        />
        <p
          id="project-name-status"
          role={state.status === "error" ? "alert" : "status"}
          className={`mt-1.5 text-sm ${state.status === "error" ? "text-red-600" : "text-emerald-700"}`}
        >
          {nameError ?? state.message ?? ""}
        </p>
      </div>
      <button type="submit" disabled={isPending} className={primaryButtonClass}>
        {isPending ? "Creating…" : "Create project"}
      </button>
    </form>
  );
}
