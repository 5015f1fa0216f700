// CSV export: cells a spreadsheet would evaluate as a formula are neutralised (leading quote),
// including after leading whitespace and in full-width form; quoting follows RFC 4180.
import { describe, expect, it } from "vitest";
import { formatAuditCsv, toCsvCell } from "../src/server/audit/format-audit-csv";

describe("toCsvCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\r=1"'],
    ["\n=1", '"\'\n=1"'],
    ['  =HYPERLINK("http://evil")', '"\'  =HYPERLINK(""http://evil"")"'],
    ["\u0000=1", "'\u0000=1"],
    ["＝1+1", "'＝1+1"],
    ["＠x", "'＠x"],
    ['=A1,"x"', '"\'=A1,""x"""'],
  ])("neutralises %j", (input, expected) => {
    expect(toCsvCell(input)).toBe(expected);
  });

  it.each([["ops@example.test"], ["tenant.create"], ["a=b"], ["1-2"], ["10.0.0.1"], [""]])(
    "leaves %j alone",
    (input) => {
      expect(toCsvCell(input)).toBe(input);
    },
  );
});

describe("formatAuditCsv", () => {
  it("neutralises a formula typed as the email of a failed sign-in", () => {
    const csv = formatAuditCsv([
      {
        id: 1,
        at: "2026-01-01T00:00:00.000Z",
        actor: "=cmd|'/c calc'!a1@x.test",
        action: "operator.sign_in",
        outcome: "failure",
        tenantSlug: null,
        target: null,
        ip: "-1",
        metadata: { outcome: "failure", via: "sign_in" },
      },
    ]);
    const [, row] = csv.split("\r\n");
    expect(row).toBe("1,2026-01-01T00:00:00.000Z,'=cmd|'/c calc'!a1@x.test,operator.sign_in,failure,,,'-1,{}");
  });
});
