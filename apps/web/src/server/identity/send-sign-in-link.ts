// Mails a sign-in link (Auth.js Email provider's `sendVerificationRequest`). The link opens a
// confirm page on the tenant's own host (slug from the tenant record), whose POST signs in, so a
// mail scanner following the link burns nothing. The lookup and the mail run after the
// response: asking for a link takes the same time and answer for unknown addresses.
import { signInLinkMail } from "@repo/auth/identity";
import type { AuthTenant } from "@repo/auth/server";
import { sanitizeCallbackUrl } from "@repo/auth/callback-url";
import { findUserByEmail } from "../tenant-auth-deps";
import { linkFor } from "./identity-context";
import { runAfterResponse } from "./run-after-response";
import { getMailer } from "@/server/web-root";

export async function sendSignInLink(input: {
  tenant: AuthTenant;
  email: string;
  token: string;
  callbackUrl: string;
}): Promise<void> {
  runAfterResponse(async () => {
    const user = await findUserByEmail(input.tenant.id, input.email);
    if (!user || user.disabled) return;
    const { origin } = linkFor(input.tenant);
    // Auth.js hands an absolute callback URL; only a destination on this tenant's origin survives.
    const callbackUrl = sanitizeCallbackUrl(input.callbackUrl, { origin });
    const query = new URLSearchParams({ token: input.token, email: input.email, callbackUrl });
    const url = `${origin}/signin/email?${query}`;
    await getMailer().send(signInLinkMail({ to: input.email, tenant: input.tenant, url }));
  });
}
