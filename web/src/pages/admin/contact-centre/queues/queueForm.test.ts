import type { QueueDto } from "@bailanys/common/api/routing-admin";
import { describe, expect, it } from "vitest";
import { formToBody, queueFieldKeys, queueToForm, validateQueueForm } from "./queueForm.ts";

const HOUSING: QueueDto = {
  id: "00000000-0000-4000-8000-000000000001",
  code: "housing",
  nameKk: "ТКШ",
  nameRu: "ЖКХ",
  nameEn: "Housing",
  channels: ["web_chat", "phone"],
  topicIds: ["00000000-0000-4000-8000-000000000009"],
  minLevel: 2,
  line: 1,
  priority: 10,
  offerTimeoutSeconds: 30,
  wrapupSeconds: 60,
  serviceLevelSeconds: 20,
  widening: [{ after: 30, relax: "level" }],
  overflowQueueId: "00000000-0000-4000-8000-000000000002",
  overflowAfterSeconds: 300,
  callbackAfterSeconds: 120,
  hours: { "1": ["09:00", "18:00"], "2": ["09:00", "18:00"], "3": ["09:00", "18:00"], "4": ["09:00", "18:00"], "5": ["09:00", "18:00"], "6": null, "7": null },
  openOnHolidays: false,
  sort: 1,
  active: true,
};

describe("queue form", () => {
  it("turns a queue into the form and back into exactly its body", () => {
    const { id: _id, ...body } = HOUSING;
    expect(formToBody(queueToForm(HOUSING))).toEqual(body);
  });

  it("starts a new queue valid apart from its code and names", () => {
    expect(validateQueueForm(queueToForm(null))).toEqual({ code: "FIELD_REQUIRED", nameKk: "FIELD_REQUIRED", nameRu: "FIELD_REQUIRED", nameEn: "FIELD_REQUIRED" });
  });

  it("trims names and drops the overflow wait when there is no overflow queue", () => {
    const form = { ...queueToForm(HOUSING), names: { nameKk: " ТКШ ", nameRu: "ЖКХ ", nameEn: " Housing" }, overflowQueueId: null };
    const body = formToBody(form);
    expect([body.nameKk, body.nameRu, body.nameEn]).toEqual(["ТКШ", "ЖКХ", "Housing"]);
    expect(body.overflowAfterSeconds).toBeNull();
  });

  it("reports each problem at the server's field path", () => {
    const form = {
      ...queueToForm(HOUSING),
      code: "Housing!",
      channels: [],
      priority: 101,
      minLevel: Number.NaN,
      offerTimeoutSeconds: 4,
      overflowAfterSeconds: null,
      callbackAfterSeconds: 0,
      widening: [{ after: 30, relax: "level" as const }, { after: 20, relax: "topic" as const }],
      hours: queueToForm(HOUSING).hours.map((d, i) => (i === 2 ? { ...d, closes: "08:00" } : d)),
    };
    expect(validateQueueForm(form)).toEqual({
      code: "FIELD_INVALID",
      channels: "FIELD_REQUIRED",
      minLevel: "FIELD_REQUIRED",
      priority: "FIELD_OUT_OF_RANGE",
      offerTimeoutSeconds: "FIELD_OUT_OF_RANGE",
      overflowAfterSeconds: "FIELD_REQUIRED",
      callbackAfterSeconds: "FIELD_OUT_OF_RANGE",
      "hours.3": "FIELD_OUT_OF_RANGE",
      "widening.1.after": "FIELD_OUT_OF_RANGE",
    });
  });

  it("knows a field key for every widening row and weekday", () => {
    const keys = queueFieldKeys(queueToForm(HOUSING));
    expect(keys).toEqual(expect.arrayContaining(["hours.1", "hours.7", "widening.0.after", "widening.0.relax", "overflowQueueId", "code"]));
    expect(keys).not.toContain("widening.1.after");
  });
});
