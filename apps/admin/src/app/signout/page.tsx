import { SignOutForm } from "./sign-out-form";

export const metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 text-sm shadow-sm">
        <h1 className="mb-3 text-lg font-semibold">Sign out of the operator console?</h1>
        <p className="mb-4 text-slate-600">
          Your session is revoked on the server, not just forgotten by this browser.
        </p>
        <SignOutForm />
      </div>
    </main>
  );
}
