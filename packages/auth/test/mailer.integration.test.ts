// The SMTP mailer against a real SMTP server (maildev from the global setup) and a dead one:
// mails carry a text and an HTML part with the tenant named and HTML-escaped; a dead server is a
// bounded, typed failure (IdentityError "mail_unavailable"), never a hang.
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { IdentityError, createMailer, invitationMail } from "@repo/auth/identity";

const smtpUrl = () => process.env.SMTP_URL!;
const maildevUrl = () => process.env.MAILDEV_URL!;

describe("mailer", () => {
  it("delivers text + HTML over SMTP, with the tenant named and its name escaped in HTML", async () => {
    const to = `mailer-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const mailer = createMailer({ smtpUrl: smtpUrl(), from: '"Platform" <no-reply@example.test>' });
    await mailer.send(
      invitationMail({
        to,
        tenant: { name: "Acme <b>& Co</b>" },
        inviterName: "Ada",
        url: "http://acme.localhost:3000/invite/x",
        expiresAt: new Date(0),
      }),
    );
    const all = (await (await fetch(`${maildevUrl()}/api/email`)).json()) as {
      to: { address: string }[];
      subject: string;
      text: string;
      html: string;
      from: { address: string }[];
    }[];
    const mail = all.find((m) => m.to.some((r) => r.address === to))!;
    expect(mail.subject).toBe("You're invited to join Acme <b>& Co</b>");
    expect(mail.from[0]!.address).toBe("no-reply@example.test");
    expect(mail.text).toContain("Ada has invited you to join Acme <b>& Co</b>.");
    expect(mail.text).toContain("http://acme.localhost:3000/invite/x");
    expect(mail.html).toContain("Acme &lt;b&gt;&amp; Co&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>& Co</b>");
  });

  it("fails with mail_unavailable within its time budget when nothing answers SMTP", async () => {
    // A port that accepts TCP but never greets: the worst case (a hung server).
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "x@example.test", timeoutMs: 500 });
    const started = Date.now();
    const error = await mailer
      .send({ to: "y@example.test", subject: "s", text: "t", html: "<p>t</p>" })
      .catch((e: unknown) => e);
    silent.close();
    expect(error).toBeInstanceOf(IdentityError);
    expect((error as IdentityError).code).toBe("mail_unavailable");
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
