/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import errorsDoc from "../../docs/errors.md?raw";
import { renderErrorsDoc } from "./errors-doc.ts";
import { ERRORS, isErrorCode, type ErrorCode } from "./errors.ts";
import { LOCALES } from "./locales.ts";

const codes = Object.keys(ERRORS) as ErrorCode[];

describe("the error catalogue", () => {
  it("gives every code an error status and a message in Kazakh, Russian and English", () => {
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) {
      const { status, message } = ERRORS[code];
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(Number.isInteger(status) && status >= 400 && status <= 599, `${code}: ${status}`).toBe(true);
      for (const locale of LOCALES) {
        expect(message[locale].trim(), `${code}.${locale}`).not.toBe("");
        expect(message[locale], `${code}.${locale}`).toBe(message[locale].trim());
      }
      // An untranslated copy is the usual slip: Kazakh must not just repeat the English (or the Russian).
      expect(message.kk, code).not.toBe(message.en);
      expect(message.kk, code).not.toBe(message.ru);
      expect(message.ru, code).not.toBe(message.en);
      // Kazakh and Russian texts are written in Cyrillic.
      expect(message.kk, code).toMatch(/[\u0400-\u04FF]/);
      expect(message.ru, code).toMatch(/[\u0400-\u04FF]/);
    }
  });

  it("has one message per meaning: no two codes say the same thing", () => {
    for (const locale of LOCALES) {
      const texts = codes.map((code) => ERRORS[code].message[locale]);
      expect(new Set(texts).size, locale).toBe(texts.length);
    }
  });

  it("tells codes from other strings", () => {
    expect(isErrorCode("NOT_FOUND")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode("not_found")).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});

describe("docs/errors.md", () => {
  it("is up to date with the catalogue (regenerate with `npx tsx scripts/errors-doc.ts`)", () => {
    expect(errorsDoc).toBe(renderErrorsDoc());
  });

  it("lists every code with its status and its three messages", () => {
    const doc = renderErrorsDoc();
    for (const code of codes) {
      const { status, message } = ERRORS[code];
      const row = doc.split("\n").find((line) => line.startsWith(`| \`${code}\``));
      expect(row, code).toBeDefined();
      expect(row, code).toContain(`| ${status} |`);
      for (const locale of LOCALES) {
        expect(row, `${code}.${locale}`).toContain(message[locale].replace(/\|/g, "\\|"));
      }
    }
  });
});
