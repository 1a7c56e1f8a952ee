import { describe, expect, it } from "vitest";
import { officeBody, officeToForm, validateOffice } from "./officeForm.ts";

const filled = () => ({
  ...officeToForm(null),
  nameKk: "ХҚКО",
  nameRu: "ЦОН",
  nameEn: "PSC",
  addressKk: "Абай к-сі, 1",
  addressRu: "ул. Абая, 1",
  addressEn: "1 Abai St",
});

describe("the office form", () => {
  it("needs the names and addresses in every language, and checks e-mail and coordinates", () => {
    expect(validateOffice(officeToForm(null))).toMatchObject({ nameKk: "FIELD_REQUIRED", addressEn: "FIELD_REQUIRED" });
    expect(validateOffice({ ...filled(), email: "nope", latitude: "91", longitude: "x" })).toEqual({ email: "FIELD_INVALID", latitude: "FIELD_OUT_OF_RANGE", longitude: "FIELD_INVALID" });
    expect(validateOffice(filled())).toEqual({});
  });

  it("sends blank contacts as null, a comma decimal as a number, and only the open days", () => {
    const body = officeBody({ ...filled(), phone: " ", latitude: "43,238", longitude: "76.945" });
    expect(body).toMatchObject({ phone: null, email: null, latitude: 43.238, longitude: 76.945, active: true });
    expect(body.hours.map((h) => h.day)).toEqual([1, 2, 3, 4, 5]);
  });
});
