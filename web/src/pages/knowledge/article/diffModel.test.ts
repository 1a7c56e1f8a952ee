import type { VersionDiffDto } from "@bailanys/common/api/kb";
import { describe, expect, it } from "vitest";
import { changedSections, diffCounts, mergeParts } from "./diffModel.ts";

const diff: VersionDiffDto = {
  from: 1,
  to: 2,
  title: [{ kind: "same", text: "Пособие" }],
  body: [
    { kind: "same", text: "до " },
    { kind: "removed", text: "одного " },
    { kind: "removed", text: "года" },
    { kind: "added", text: "полутора лет" },
    { kind: "same", text: "" },
  ],
  facts: [],
  source: [{ kind: "added", text: "Кодекс" }],
};

describe("the diff model", () => {
  it("joins neighbours of one kind and drops empty parts", () => {
    expect(mergeParts(diff.body)).toEqual([
      { kind: "same", text: "до " },
      { kind: "removed", text: "одного года" },
      { kind: "added", text: "полутора лет" },
    ]);
  });

  it("lists only the sections that changed and counts the words", () => {
    expect(changedSections(diff).map((s) => s.section)).toEqual(["body", "source"]);
    expect(diffCounts(diff)).toEqual({ added: 3, removed: 2 });
  });
});
