import { describe, expect, it } from "vitest";
import { messagesOf, nearestField, placeFields } from "./fieldErrors.ts";

const KNOWN = ["code", "channels", "hours", "hours.3", "widening", "widening.0.relax"];

describe("placing server field errors", () => {
  it("finds the field itself or its nearest known parent", () => {
    expect(nearestField("hours.3", KNOWN)).toBe("hours.3");
    expect(nearestField("hours.3.1", KNOWN)).toBe("hours.3");
    expect(nearestField("hours.5", KNOWN)).toBe("hours");
    expect(nearestField("channels.2", KNOWN)).toBe("channels");
    expect(nearestField("widening.0.relax", KNOWN)).toBe("widening.0.relax");
    expect(nearestField("widening.4.after", KNOWN)).toBe("widening");
    expect(nearestField("params.id", KNOWN)).toBeNull();
  });

  it("rewrites the paths and keeps unknown ones for the notification", () => {
    const error = {
      code: "VALIDATION_FAILED",
      message: "Invalid",
      fields: [
        { field: "hours.3.0", code: "FIELD_INVALID", message: "bad" },
        { field: "userId", code: "FIELD_INVALID", message: "who" },
      ],
    };
    expect(placeFields(error, KNOWN).map((f) => f.field)).toEqual(["hours.3", "userId"]);
  });

  it("places a duplicate code the server reported without a field", () => {
    const orphan = { code: "ALREADY_EXISTS", field: "code" };
    expect(placeFields({ code: "ALREADY_EXISTS", message: "Exists", fields: [] }, KNOWN, orphan)).toEqual([{ field: "code", code: "ALREADY_EXISTS", message: "Exists" }]);
    expect(placeFields({ code: "IN_USE", message: "Used", fields: [] }, KNOWN, orphan)).toEqual([]);
  });

  it("words the browser's own findings like the server", () => {
    expect(messagesOf({ code: "FIELD_REQUIRED" }, "ru")).toEqual({ code: "Обязательное поле." });
  });
});
