import { describe, expect, it } from "vitest";
import { checkDigit, makeBin, makeIin, validateBin, validateIin, validateIinOrBin } from "./identity-number.ts";

// Fixtures are synthetic. Literal ИИНs use century digit 1 (born in the 1800s), so none can belong to a living person.
const TODAY = new Date("2026-03-20T10:00:00Z");

// Completes an 11-digit prefix; used only to build numbers that fail some other check than the checksum.
function withCheck(prefix: string): string {
  const c = checkDigit(prefix);
  if (c === null) {
    throw new Error(`test prefix ${prefix} has no check digit`);
  }
  return prefix + String(c);
}

describe("checkDigit", () => {
  it("uses weights 1..11 on the first pass", () => {
    // 8·1 + 5·2 + 0·3 + 7·4 + 1·5 + 4·6 + 1·7 + 0 + 0 + 0 + 0 = 82; 82 mod 11 = 5.
    expect(checkDigit("85071410000")).toBe(5);
    // 9·1 + 9·2 + 0·3 + 5·4 + 4·5 = 67; 67 mod 11 = 1.
    expect(checkDigit("99054000000")).toBe(1);
  });

  it("falls back to weights 3,4,5,6,7,8,9,10,11,1,2 when the first pass gives 10", () => {
    // Only d[9] = 1: first pass 1·10 = 10, second pass 1·1 = 1.
    expect(checkDigit("00000000010")).toBe(1);
    // First pass 82 + 6·10 = 142 ≡ 10; second 8·3 + 5·4 + 7·6 + 1·7 + 4·8 + 1·9 + 6·1 = 140 ≡ 8.
    expect(checkDigit("85071410060")).toBe(8);
  });

  it("returns null when both passes give 10", () => {
    // d[8] = 6, d[10] = 5: first 6·9 + 5·11 = 109 ≡ 10; second 6·11 + 5·2 = 76 ≡ 10.
    expect(checkDigit("00000000605")).toBeNull();
    // 82 + 6·10 + 1·11 = 153 ≡ 10; 140 + 1·2 = 142 ≡ 10.
    expect(checkDigit("85071410061")).toBeNull();
  });

  it("rejects anything but 11 digits", () => {
    expect(() => checkDigit("8507141000")).toThrow(RangeError);
    expect(() => checkDigit("8507141000x")).toThrow(RangeError);
  });
});

describe("validateIin", () => {
  it("accepts a valid ИИН and reads birth date and sex", () => {
    expect(validateIin("850714100005", TODAY)).toEqual({ ok: true, kind: "iin", birthDate: "1885-07-14", sex: "male" });
    expect(validateIin("850714100608", TODAY)).toMatchObject({ ok: true, birthDate: "1885-07-14" });
    expect(validateIin(" \t850714100005\n", TODAY)).toMatchObject({ ok: true });
    expect(validateIin(withCheck("85071420000"), TODAY)).toMatchObject({ ok: true, sex: "female" });
    expect(validateIin(withCheck("85071440000"), TODAY)).toMatchObject({ ok: true, birthDate: "1985-07-14", sex: "female" });
  });

  it("rejects anything that is not exactly 12 ASCII digits", () => {
    for (const bad of ["85071410000", "8507141000050", "8507 1410 0005", "85071410000a", "８５０７１４１００００５", ""]) {
      expect(validateIin(bad, TODAY)).toEqual({ ok: false, code: "IIN_INVALID_FORMAT" });
    }
  });

  it("rejects a wrong check digit, including a prefix with none", () => {
    expect(validateIin("850714100006", TODAY)).toEqual({ ok: false, code: "IIN_INVALID_CHECKSUM" });
    for (let c = 0; c <= 9; c += 1) {
      expect(validateIin(`85071410061${c}`, TODAY)).toEqual({ ok: false, code: "IIN_INVALID_CHECKSUM" });
    }
  });

  it("rejects century digits outside 1–6", () => {
    expect(validateIin(withCheck("85071400000"), TODAY)).toEqual({ ok: false, code: "IIN_INVALID_CENTURY" });
    expect(validateIin(withCheck("85071470000"), TODAY)).toEqual({ ok: false, code: "IIN_INVALID_CENTURY" });
  });

  it("rejects impossible and future birth dates", () => {
    expect(validateIin(withCheck("85023010000"), TODAY)).toEqual({ ok: false, code: "IIN_INVALID_DATE" });
    expect(validateIin(withCheck("85130110000"), TODAY)).toEqual({ ok: false, code: "IIN_INVALID_DATE" });
    // A БИН-shaped 5th digit is a day of 40+.
    expect(validateIin(withCheck("85074010000"), TODAY)).toEqual({ ok: false, code: "IIN_INVALID_DATE" });
    expect(validateIin(makeIin("2026-03-21", "male", 0), TODAY)).toEqual({ ok: false, code: "IIN_INVALID_DATE" });
    expect(validateIin(makeIin("2026-03-20", "female", 0), TODAY)).toMatchObject({ ok: true, sex: "female" });
  });

  it("takes today in Kazakh local time", () => {
    // 20:00 UTC on 20 March is already 01:00 on 21 March in Almaty.
    expect(validateIin(makeIin("2026-03-21", "male", 0), new Date("2026-03-20T20:00:00Z"))).toMatchObject({ ok: true });
  });
});

describe("validateBin", () => {
  it("accepts a valid БИН and reads its parts", () => {
    expect(validateBin("990540000001", TODAY)).toEqual({
      ok: true,
      kind: "bin",
      registered: "1999-05",
      entityType: "resident",
      division: "head-office",
    });
    expect(validateBin(withCheck("15055100000"), TODAY)).toMatchObject({ ok: true, entityType: "non-resident", division: "branch" });
    expect(validateBin(withCheck("15056200000"), TODAY)).toMatchObject({ ok: true, entityType: "joint-ie", division: "representative" });
    expect(validateBin(withCheck("15054300000"), TODAY)).toMatchObject({ ok: true, division: "peasant-farm" });
  });

  it("reports format, checksum and type errors", () => {
    expect(validateBin("99054000000", TODAY)).toEqual({ ok: false, code: "BIN_INVALID_FORMAT" });
    expect(validateBin("990540000002", TODAY)).toEqual({ ok: false, code: "BIN_INVALID_CHECKSUM" });
    expect(validateBin(withCheck("99057000000"), TODAY)).toEqual({ ok: false, code: "BIN_INVALID_TYPE" });
    expect(validateBin(withCheck("99053000000"), TODAY)).toEqual({ ok: false, code: "BIN_INVALID_TYPE" });
    expect(validateBin(withCheck("99054400000"), TODAY)).toEqual({ ok: false, code: "BIN_INVALID_TYPE" });
  });

  it("reads the two-digit year against today and rejects bad or future months", () => {
    expect(validateBin(makeBin("2026-03", 0), TODAY)).toMatchObject({ ok: true, registered: "2026-03" });
    // 27 is ahead of 26, so it can only be 1927.
    expect(validateBin(makeBin("1927-04", 0), TODAY)).toMatchObject({ ok: true, registered: "1927-04" });
    expect(validateBin(makeBin("2026-04", 0), TODAY)).toEqual({ ok: false, code: "BIN_INVALID_DATE" });
    expect(validateBin(withCheck("99004000000"), TODAY)).toEqual({ ok: false, code: "BIN_INVALID_DATE" });
    expect(validateBin(withCheck("99134000000"), TODAY)).toEqual({ ok: false, code: "BIN_INVALID_DATE" });
  });
});

describe("validateIinOrBin", () => {
  it("tells ИИН from БИН by the 5th digit", () => {
    expect(validateIinOrBin("850714100005", TODAY)).toMatchObject({ ok: true, kind: "iin" });
    expect(validateIinOrBin("990540000001", TODAY)).toMatchObject({ ok: true, kind: "bin" });
    expect(validateIinOrBin("990540000002", TODAY)).toEqual({ ok: false, code: "BIN_INVALID_CHECKSUM" });
    expect(validateIinOrBin("850714100006", TODAY)).toEqual({ ok: false, code: "IIN_INVALID_CHECKSUM" });
  });

  it("reports format problems as IIN_INVALID_FORMAT", () => {
    expect(validateIinOrBin("99054000000", TODAY)).toEqual({ ok: false, code: "IIN_INVALID_FORMAT" });
    expect(validateIinOrBin(withCheck("99057000000"), TODAY)).toEqual({ ok: false, code: "IIN_INVALID_FORMAT" });
  });
});

describe("fixture factories", () => {
  it("steps past a serial whose prefix has no check digit", () => {
    // Serial 61 gives 85071410061, which has none (see above); serial 62: 82 + 60 + 22 = 164 ≡ 10, then 140 + 4 = 144 ≡ 1.
    expect(makeIin("1885-07-14", "male", 61)).toBe("850714100621");
    expect(makeIin("1885-07-14", "male", 0)).toBe("850714100005");
  });

  it("round-trips through the validators", () => {
    for (const [date, sex] of [["1899-12-31", "female"], ["1900-01-01", "male"], ["2000-02-29", "female"]] as const) {
      for (let serial = 0; serial < 200; serial += 1) {
        expect(validateIin(makeIin(date, sex, serial), TODAY)).toEqual({ ok: true, kind: "iin", birthDate: date, sex });
      }
    }
    for (let serial = 0; serial < 200; serial += 1) {
      expect(validateBin(makeBin("2010-11", serial), TODAY)).toMatchObject({ ok: true, registered: "2010-11" });
    }
  });

  it("rejects bad factory input", () => {
    expect(() => makeIin("1799-12-31", "male", 0)).toThrow(RangeError);
    expect(() => makeIin("2000-02-30", "male", 0)).toThrow(RangeError);
    expect(() => makeIin("2000-01-01", "male", 10_000)).toThrow(RangeError);
    expect(() => makeBin("2010-13", 0)).toThrow(RangeError);
    expect(() => makeBin("2010-1", 0)).toThrow(RangeError);
    expect(() => makeBin("2010-01", -1)).toThrow(RangeError);
  });
});
