import { describe, expect, it } from "vitest";
import { nextWideningStep, validateWidening } from "./widening.ts";

describe("widening steps", () => {
  it("starts a new step a minute after the last, relaxing what is not relaxed yet", () => {
    expect(nextWideningStep([])).toEqual({ after: 60, relax: "level" });
    expect(nextWideningStep([{ after: 30, relax: "level" }, { after: 90, relax: "topic" }])).toEqual({ after: 150, relax: "language" });
    expect(nextWideningStep([{ after: 86400, relax: "level" }]).after).toBe(86400);
  });

  it("needs each wait within 1 s…24 h and later than the step before", () => {
    expect(validateWidening([{ after: 30, relax: "level" }, { after: 90, relax: "topic" }])).toEqual({});
    expect(
      validateWidening([
        { after: 0, relax: "level" },
        { after: 60, relax: "topic" },
        { after: 60, relax: "language" },
        { after: 86401, relax: "level" },
      ]),
    ).toEqual({ "widening.0.after": "FIELD_OUT_OF_RANGE", "widening.2.after": "FIELD_OUT_OF_RANGE", "widening.3.after": "FIELD_OUT_OF_RANGE" });
  });
});
