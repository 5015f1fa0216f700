"use client";

import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { inputClass } from "@/components/button-styles";
import { sendJson } from "@/components/send-json";

/** Changes a member's role (one role per member in this picker; the API accepts several). */
export function MemberRolesSelect({
  userId,
  current,
  roles,
}: {
  userId: string;
  current: string;
  roles: { key: string; name: string }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [value, setValue] = useState(current);

  async function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const next = event.target.value;
    setValue(next);
    setError(null);
    const response = await sendJson("PATCH", `/api/members/${userId}`, { roles: [next] });
    if (!response.ok) {
      setValue(current);
      return setError(response.message);
    }
    router.refresh();
  }

  return (
    <span className="inline-flex flex-col gap-1">
      <select
        aria-label="Role"
        value={value}
        onChange={onChange}
        className={`${inputClass} w-36`}
        data-testid="member-role-select"
      >
        {roles.map((role) => (
          <option key={role.key} value={role.key}>
            {role.name}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="max-w-60 text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
