// Client-side JSON calls to this host's API; the error message comes from `{ error: { message } }`.
export type SendResult<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

const FALLBACK = "Something went wrong. Try again in a moment.";

export async function sendJson<T = unknown>(method: string, path: string, body?: unknown): Promise<SendResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: "no-store",
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const message = (parsed as { error?: { message?: string } } | null)?.error?.message ?? FALLBACK;
      return { ok: false, status: response.status, message };
    }
    return { ok: true, body: parsed as T };
  } catch {
    return { ok: false, status: 0, message: FALLBACK };
  }
}
