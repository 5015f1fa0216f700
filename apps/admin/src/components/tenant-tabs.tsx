import Link from "next/link";

const TABS = [
  { suffix: "", label: "Overview" },
  { suffix: "/members", label: "Members" },
  { suffix: "/roles", label: "Roles" },
  { suffix: "/sessions", label: "Sessions & revocations" },
  { suffix: "/sso", label: "SSO" },
] as const;

export function TenantTabs({ slug, current }: { slug: string; current: (typeof TABS)[number]["suffix"] }) {
  return (
    <nav aria-label="Tenant sections" className="mb-6 flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.suffix}
          href={`/tenants/${slug}${t.suffix}`}
          aria-current={t.suffix === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${t.suffix === current ? "border-slate-900 font-medium" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
