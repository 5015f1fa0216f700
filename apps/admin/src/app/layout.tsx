import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page carries the per-request CSP nonce the proxy sets (Next stamps it on its scripts),
// so no page may be prerendered once and served to many: render each request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: { default: "Operator console", template: "%s · Operator console" } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
