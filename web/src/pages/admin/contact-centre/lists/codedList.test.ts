import { describe, expect, it } from "vitest";
import { codedListFieldKeys, moveRow, validateCodedList } from "./codedList.ts";

const item = (code: string, name = code) => ({ code, nameKk: name, nameRu: name, nameEn: name, active: true });

describe("coded lists", () => {
  it("needs a well-formed unique code and three names per row", () => {
    expect(validateCodedList([item("break"), item("lunch")])).toEqual({});
    expect(validateCodedList([item("break"), item("Break!"), item(""), item("break"), { ...item("x"), nameRu: " " }])).toEqual({
      "items.1.code": "FIELD_INVALID",
      "items.2.code": "FIELD_REQUIRED",
      "items.2.nameKk": "FIELD_REQUIRED",
      "items.2.nameRu": "FIELD_REQUIRED",
      "items.2.nameEn": "FIELD_REQUIRED",
      "items.3.code": "ALREADY_EXISTS",
      "items.4.nameRu": "FIELD_REQUIRED",
    });
  });

  it("has a key per input of every row", () => {
    expect(codedListFieldKeys([item("a")])).toEqual(["items", "items.0.code", "items.0.nameKk", "items.0.nameRu", "items.0.nameEn", "items.0.active"]);
  });

  it("swaps a row with its neighbour and ignores moves past the ends", () => {
    expect(moveRow(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveRow(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveRow(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveRow(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });
});
