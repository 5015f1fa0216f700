import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, apiErrorResponse, errorResponse, flattenIssues, toApiError, toPublicCode } from "@repo/api-errors";

class SlugTakenError extends ApiError {
  constructor() {
    super("slug_taken", "Choose another slug.", { status: 409, fields: { slug: ["Already taken"] } });
  }
}

describe("errorResponse", () => {
  it("renders { error: { code, message, fields } } with the error's status, never cached", async () => {
    const res = errorResponse(new ApiError("invalid_request", "Fix the name.", { fields: { name: ["Required"] } }));
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      error: { code: "invalid_request", message: "Fix the name.", fields: { name: ["Required"] } },
    });
  });

  it("answers a package's own code with the public code for its status", async () => {
    const res = errorResponse(new SlugTakenError());
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: "conflict", message: "Choose another slug.", fields: { slug: ["Already taken"] } },
    });
  });

  it.each([
    [new ApiError("tenant_suspended", "Suspended."), "tenant_suspended", 403],
    [new ApiError("tenant_not_found", "Gone.", { status: 409 }), "conflict", 409],
    [new ApiError("teapot", "?", { status: 418 }), "invalid_request", 418],
    [new ApiError("weird", "?", { status: 502 }), "internal", 502],
  ])("toPublicCode(%s) is %s", (error, code, status) => {
    expect(toPublicCode(error)).toBe(code);
    expect(error.status).toBe(status);
  });

  it("adds retry-after on a 503 unless the error states its own", () => {
    expect(apiErrorResponse("service_unavailable", "Later.").headers.get("retry-after")).toBe("5");
    const own = new ApiError("service_unavailable", "Later.", { headers: { "retry-after": "1" } });
    expect(errorResponse(own).headers.get("retry-after")).toBe("1");
    expect(apiErrorResponse("not_found", "No.").headers.get("retry-after")).toBeNull();
  });

  it("carries a 429's retry-after", () => {
    const res = apiErrorResponse("rate_limited", "Slow down.", { headers: { "retry-after": "30" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
  });
});

describe("toApiError", () => {
  it("keeps ApiErrors (and subclasses) as they are", () => {
    const error = new SlugTakenError();
    expect(toApiError(error)).toBe(error);
  });

  it("turns an unreachable dependency into a 503 and anything else into a generic 500", () => {
    const seen: string[] = [];
    const options = {
      isUnavailable: (e: unknown) => e === "down",
      onUnexpected: (_: unknown, kind: string) => seen.push(kind),
    };
    expect(toApiError("down", options)).toMatchObject({ code: "service_unavailable", status: 503 });
    const internal = toApiError(new Error("SELECT * FROM secrets failed"), options);
    expect(internal).toMatchObject({ code: "internal", status: 500 });
    expect(internal.message).not.toContain("SELECT");
    expect(seen).toEqual(["unavailable", "internal"]);
  });
});

describe("flattenIssues", () => {
  const schema = z.object({ name: z.string().min(1), items: z.array(z.number()) }).refine(() => false, "Whole form");

  it("keys messages by the full input path, `_` for the root", () => {
    const result = schema.safeParse({ name: "", items: [1, "x"] });
    expect(result.success).toBe(false);
    const fields = flattenIssues(result.error!);
    expect(Object.keys(fields).sort()).toEqual(["items.1", "name"]);
    const root = flattenIssues(z.string().safeParse(1).error!);
    expect(Object.keys(root)).toEqual(["_"]);
  });
});

describe("toApiError with wrapped errors", () => {
  it("finds an ApiError wrapped as a cause (drizzle wraps query failures)", () => {
    const inner = new SlugTakenError();
    const wrapped = new Error("Failed query", { cause: new Error("driver", { cause: inner }) });
    expect(toApiError(wrapped)).toBe(inner);
  });

  it("ends the walk on a cyclic cause chain", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    Object.defineProperty(a, "cause", { value: b });
    expect(toApiError(a)).toMatchObject({ code: "internal" });
  });
});
