import type { ClassifierItemDto } from "@bailanys/common/api/reference";
import { describe, expect, it } from "vitest";
import { classifierOptions } from "./classifierOptions.ts";

let next = 0;
function item(code: string, parentId: string | null, active = true, sort = 0): ClassifierItemDto {
  next += 1;
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`;
  return { id, code, parentId, nameKk: code, nameRu: `ru ${code}`, nameEn: code, bodyId: null, unitId: null, defaultTypeCode: null, sort, active };
}

describe("classifierOptions", () => {
  it("lists the tree depth-first with depths and 'code — name' labels", () => {
    const housing = item("01", null);
    const water = item("01.01", housing.id);
    const roads = item("02", null, true, 1);
    const options = classifierOptions([roads, water, housing], (i) => i.nameRu);
    expect(options.map((o) => [o.label, o.depth])).toEqual([
      ["01 — ru 01", 0],
      ["01.01 — ru 01.01", 1],
      ["02 — ru 02", 0],
    ]);
  });

  it("hides inactive items but keeps their active children at the top", () => {
    const old = item("03", null, false);
    const child = item("03.01", old.id);
    const options = classifierOptions([old, child], (i) => i.nameRu);
    expect(options).toEqual([{ value: child.id, label: "03.01 — ru 03.01", depth: 0 }]);
    expect(classifierOptions([old, child], (i) => i.nameRu, false)).toHaveLength(2);
  });
});
