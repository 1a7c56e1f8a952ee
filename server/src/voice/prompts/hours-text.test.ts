import { describe, expect, it } from "vitest";
import { hoursText } from "./hours-text.ts";

describe("working hours as spoken text (R12.3)", () => {
  it("runs days with the same hours together and names the days off", () => {
    const weekdays = { "1": ["09:00", "18:00"], "2": ["09:00", "18:00"], "3": ["09:00", "18:00"], "4": ["09:00", "18:00"], "5": ["09:00", "18:00"], "6": ["10:00", "14:00"], "7": null } as const;
    expect(hoursText(weekdays as never, false, "ru")).toBe(
      "Часы работы контакт-центра: понедельник – пятница: 09:00 – 18:00; суббота: 10:00 – 14:00; воскресенье: выходной. В праздничные дни не работает.",
    );
    expect(hoursText(weekdays as never, true, "kk")).toBe("Байланыс орталығының жұмыс уақыты: дүйсенбі – жұма: 09:00 – 18:00; сенбі: 10:00 – 14:00; жексенбі: демалыс.");
  });

  it("says round the clock when every day is 00:00 – 24:00", () => {
    const always = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["00:00", "24:00"]]));
    expect(hoursText(always as never, true, "en")).toBe("The contact centre works around the clock, every day.");
  });
});
