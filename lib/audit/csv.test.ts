import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", "\"'\r=1\""],
  ])("neutralise formula %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("quote separators, quotes and line breaks (RFC 4180) and leave plain text alone", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell({ a: "=1" })).toBe('"{""a"":""=1""}"');
  });

  it("end rows with CRLF", () => {
    expect(csvRow(["a", "=b", null])).toBe("a,'=b,\r\n");
  });
});
