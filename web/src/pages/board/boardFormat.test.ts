import type { BoardDto } from "@bailanys/common/api/contacts";
import { describe, expect, it } from "vitest";
import { formatPercent, serviceLevelColor, sortAgents, waitColor } from "./boardFormat.ts";

describe("service level", () => {
  it("is coloured against the usual 80/60 thresholds and written as a whole per cent", () => {
    expect([serviceLevelColor(92.4), serviceLevelColor(70), serviceLevelColor(12), serviceLevelColor(null)]).toEqual(["teal", "yellow", "red", "gray"]);
    expect(formatPercent(86.6)).toBe("87 %");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("waitColor", () => {
  it("warns past the target and alarms past twice the target", () => {
    expect(waitColor(10, 30)).toBeUndefined();
    expect(waitColor(30, 30)).toBe("orange.7");
    expect(waitColor(61, 30)).toBe("red.7");
    expect(waitColor(null, 30)).toBeUndefined();
  });
});

describe("sortAgents", () => {
  const agent = (name: string, presence: BoardDto["agents"][number]["presence"]): BoardDto["agents"][number] => ({ id: name, name, presence, reason: null, since: "2026-03-02T10:00:00Z", contacts: [] });
  it("puts working operators first and offline ones last", () => {
    const sorted = sortAgents([agent("Zh", "offline"), agent("B", "ready"), agent("A", "ready"), agent("C", "busy"), agent("D", "not_ready")]);
    expect(sorted.map((a) => a.name)).toEqual(["C", "A", "B", "D", "Zh"]);
  });
});
