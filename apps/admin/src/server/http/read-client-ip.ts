// The caller's IP for the audit log (first X-Forwarded-For hop, as set by the platform's proxy).
export function readClientIp(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]?.trim() || null;
  return request.headers.get("x-real-ip");
}
