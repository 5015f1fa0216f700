import { describe, expect, it } from "vitest";
import { isValidRequestId, REQUEST_ID_HEADER, resolveRequestId } from "@repo/observability";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("resolveRequestId", () => {
  it.each(["0b8e4a4e-7c1f-4d4e-9a53-2f1d0a3c5b6e", "lb-1700000000.abc:123", "5759e988bd862e3fe1be46a994272793"])(
    "keeps a well-formed incoming id: %s",
    (id) => {
      expect(resolveRequestId(new Headers({ [REQUEST_ID_HEADER]: id }))).toBe(id);
    },
  );

  it.each([
    ["missing", null],
    ["empty", ""],
    ["too short", "abc"],
    ["too long", "a".repeat(129)],
    ["log injection (newline)", 'abcdefgh\n{"level":"error"}'],
    ["spaces", "abcd efgh ijkl"],
    ["quotes / html", "<script>alert(1)</script>"],
    ["unicode", "ìd-ñøt-äscii-123"],
    ["leading punctuation", "-abcdefghij"],
  ])("replaces a malformed one (%s) with a fresh UUID", (_name, id) => {
    const headers = new Headers();
    if (id !== null) {
      try {
        headers.set(REQUEST_ID_HEADER, id);
      } catch {
        // Headers itself refuses some values (newlines); that is also "not trusted".
      }
    }
    const resolved = resolveRequestId(headers);
    expect(resolved).toMatch(UUID);
    expect(isValidRequestId(id)).toBe(false);
  });
});
