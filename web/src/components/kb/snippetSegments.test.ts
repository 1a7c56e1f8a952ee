import { describe, expect, it } from "vitest";
import { snippetSegments } from "./snippetSegments.ts";

describe("snippetSegments", () => {
  it("marks the ranges and keeps the text around them", () => {
    expect(snippetSegments("Пенсия назначается с 63 лет", [[0, 6], [21, 23]])).toEqual([
      { text: "Пенсия", marked: true },
      { text: " назначается с ", marked: false },
      { text: "63", marked: true },
      { text: " лет", marked: false },
    ]);
  });

  it("sorts, merges overlapping ranges and clips ranges beyond the text", () => {
    const segments = snippetSegments("abcdefgh", [[5, 20], [1, 3], [2, 4]]);
    expect(segments).toEqual([
      { text: "a", marked: false },
      { text: "bcd", marked: true },
      { text: "e", marked: false },
      { text: "fgh", marked: true },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe("abcdefgh");
  });

  it("ignores empty and inverted ranges, and treats markup as text", () => {
    expect(snippetSegments("<b>x</b>", [[3, 3], [5, 2]])).toEqual([{ text: "<b>x</b>", marked: false }]);
    expect(snippetSegments("", [[0, 4]])).toEqual([]);
  });

  it("joins touching ranges into one mark", () => {
    expect(snippetSegments("abcd", [[0, 2], [2, 4]])).toEqual([{ text: "abcd", marked: true }]);
  });
});
