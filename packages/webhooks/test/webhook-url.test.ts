// Save-time URL rules (the worker applies the same rules again at send time, after DNS).
import { parseWebhookUrlOrThrow } from "@repo/webhooks/endpoints";
import { describe, expect, it } from "vitest";

const production = { allowPrivate: false };

describe("parseWebhookUrlOrThrow (production)", () => {
  it.each([
    "http://example.com/hook",
    "https://127.0.0.1/hook",
    "https://127.1/hook",
    "https://2130706433/hook",
    "https://0x7f.0.0.1/hook",
    "https://0.0.0.0/hook",
    "https://10.1.2.3/hook",
    "https://172.16.0.1/hook",
    "https://192.168.1.1/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://100.64.0.1/hook",
    "https://[::1]/hook",
    "https://[::]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:a9fe:a9fe]/hook",
    "https://[fe80::1]/hook",
    "https://[fd00::1]/hook",
    "https://[64:ff9b::a00:1]/hook",
    "https://localhost/hook",
    "https://LOCALHOST./hook",
    "https://evil.localhost/hook",
    "https://user:secret@example.com/hook",
    "ftp://example.com/hook",
    "javascript:alert(1)",
    "not a url",
    "/relative/path",
    `https://example.com/${"a".repeat(2100)}`,
  ])("refuses %s", (url) => {
    expect(() => parseWebhookUrlOrThrow(url, production)).toThrow(
      expect.objectContaining({ code: "invalid_webhook_url" }),
    );
  });

  it.each([
    "https://example.com/hook",
    "https://hooks.example.com:8443/a?b=c",
    "https://93.184.216.34/hook",
    "https://[2606:4700::1111]/hook",
  ])("accepts %s", (url) => {
    expect(parseWebhookUrlOrThrow(url, production).protocol).toBe("https:");
  });

  it("allows http://127.0.0.1 only with the explicit private-URL setting", () => {
    expect(parseWebhookUrlOrThrow("http://127.0.0.1:4000/hook", { allowPrivate: true }).host).toBe("127.0.0.1:4000");
    expect(() => parseWebhookUrlOrThrow("ftp://127.0.0.1/", { allowPrivate: true })).toThrow(
      expect.objectContaining({ code: "invalid_webhook_url" }),
    );
  });
});
