import "i18next";
import type { en } from "./en.ts";

// Typed keys: a missing or misspelt translation key fails the type check instead of showing a raw key.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
