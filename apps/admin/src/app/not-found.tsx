import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md p-10 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is nothing at this address.</p>
      <Link className="mt-4 inline-block text-sm underline" href="/">
        Back to the dashboard
      </Link>
    </main>
  );
}
