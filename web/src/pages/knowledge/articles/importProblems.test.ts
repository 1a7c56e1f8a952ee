import { describe, expect, it } from "vitest";
import { importProblems } from "./importProblems.ts";

describe("importProblems", () => {
  it("names the row and column of each problem, in row order", () => {
    const fields = [
      { field: "rows.12.review_by", code: "FIELD_INVALID", message: "Неверная дата" },
      { field: "rows.3.locale", code: "FIELD_INVALID", message: "Неверный язык" },
      { field: "rows.3.category", code: "REFERENCE_UNKNOWN", message: "Нет такой категории" },
    ];
    expect(importProblems(fields)).toEqual([
      { row: 3, column: "locale", message: "Неверный язык" },
      { row: 3, column: "category", message: "Нет такой категории" },
      { row: 12, column: "review_by", message: "Неверная дата" },
    ]);
  });

  it("keeps a problem of the whole file without a row", () => {
    expect(importProblems([{ field: "file", code: "KB_IMPORT_UNREADABLE", message: "Не удалось прочитать файл" }])).toEqual([{ row: null, column: null, message: "Не удалось прочитать файл" }]);
  });
});
