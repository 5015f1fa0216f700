// The proxy fails closed until the composition root has registered its Node-side capabilities
// (instrumentation.ts at server start): a bounded wait, then 503 JSON — never a hang, never a
// request let through unchecked.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { proxyRuntimePort } from "@/server/proxy-runtime";

afterEach(() => vi.useRealTimers());

describe("the proxy before the composition root registered", () => {
  it.each(["/api/me", "/projects", "/signin"])("%s: 503 service_unavailable after the bounded wait", async (path) => {
    proxyRuntimePort.unregister();
    vi.useFakeTimers();
    const pending = proxy(
      new NextRequest(`http://localhost:3000${path}`, { headers: { host: "acme.localhost:3000" } }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    const response = await pending;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toMatchObject({ error: { code: "service_unavailable" } });
    expect(response.headers.get("content-security-policy")).toContain("default-src");
  });
});
