import { createHash } from "node:crypto";
import { encodeBase64Strings } from "@repo/services/upstash-bridge";
import { describe, expect, it } from "vitest";
import { createScriptTranslator, stripUpstashScriptFlags } from "../src/translate-upstash-scripts";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

describe("stripUpstashScriptFlags", () => {
  it.each([
    ["#!lua flags=allow-key-locking\nreturn 1", "#!lua\nreturn 1"],
    ["#!lua flags=no-writes,allow-key-locking\nreturn 1", "#!lua flags=no-writes\nreturn 1"],
    ["#!lua name=x flags=allow-key-locking,allow-oom\nreturn 1", "#!lua name=x flags=allow-oom\nreturn 1"],
  ])("rewrites %j", (input, expected) => {
    expect(stripUpstashScriptFlags(input)).toBe(expected);
  });

  it.each(["return 1", "#!lua flags=no-writes\nreturn 1", "\n#!lua flags=allow-key-locking\nreturn 1"])(
    "leaves %j alone",
    (input) => expect(stripUpstashScriptFlags(input)).toBeNull(),
  );
});

describe("createScriptTranslator", () => {
  it("maps the client's SHA of the original script to Redis's SHA of the rewritten one", () => {
    const translate = createScriptTranslator();
    const script = "#!lua flags=allow-key-locking\nreturn 1";
    const load = translate(["SCRIPT", "LOAD", script]);
    expect(load.command).toEqual(["SCRIPT", "LOAD", "#!lua\nreturn 1"]);
    expect(load.mapReply(sha1("#!lua\nreturn 1"))).toBe(sha1(script));
    expect(translate(["evalsha", sha1(script), "0"]).command).toEqual(["evalsha", sha1("#!lua\nreturn 1"), "0"]);
    expect(translate(["GET", "k"]).command).toEqual(["GET", "k"]);
  });
});

describe("encodeBase64Strings", () => {
  it("encodes strings recursively except OK; numbers and null pass through", () => {
    expect(encodeBase64Strings(["OK", "hé", 1, null, ["a"]])).toEqual(["OK", "aMOp", 1, null, ["YQ=="]]);
  });
});
