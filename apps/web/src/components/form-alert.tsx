/** An inline message above or below a form: red for errors, green for success. */
export function FormAlert({
  tone,
  children,
  testId,
}: {
  tone: "error" | "success";
  children: string;
  testId?: string;
}) {
  const colours =
    tone === "error" ? "bg-red-50 text-red-700 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200";
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={`rounded-lg px-4 py-3 text-sm ring-1 ${colours}`}
    >
      {children}
    </div>
  );
}
