// Mints a session cookie exactly as the operator Auth.js instance would (same keys, issuer,
// aud/tid "admin"), or a tenant-audience one to prove the admin app refuses it.
import { getKeySet, getSettings } from "../../src/server/admin-root";
import { signSessionToken } from "@repo/auth/token";

export async function signOperatorCookie(
  operatorId: string,
  role: string,
  options: { audience?: string; tid?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await signSessionToken(
    {
      sub: operatorId,
      tid: options.tid ?? "admin",
      sid: crypto.randomUUID(),
      auth_time: now,
      roles: [role],
      permissions: [],
    },
    await getKeySet(),
    { issuer: getSettings().issuer, audience: options.audience ?? "admin", expiresInSeconds: 3600, now },
  );
  return `repo-admin.session=${token}`;
}
