import type { en } from "./en.ts";

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language file must fill: the same keys as English, so no language can miss a string. */
export type Messages = Strings<typeof en>;
