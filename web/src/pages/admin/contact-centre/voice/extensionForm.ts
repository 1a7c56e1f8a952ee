import type { AgentProfileDto } from "@bailanys/common/api/routing-admin";
import type { ExtensionBody, ExtensionDto } from "@bailanys/common/api/voice-admin";
import type { ErrorCode } from "@bailanys/common/errors";

/** The extension dialog: the number (typed only for a new one), its operator, a new password (empty: unchanged). */
export interface ExtensionForm {
  extension: string;
  userId: string | null;
  password: string;
}

const EXTENSION = /^\d{2,8}$/;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 100;

/** The server's path of the number is the URL parameter; the dialog shows it under the number too. */
export const EXTENSION_FIELDS = ["extension", "params.extension", "userId", "password"] as const;

/** The form for an extension, or an empty one for a new extension. */
export function extensionToForm(extension: ExtensionDto | null): ExtensionForm {
  return { extension: extension?.extension ?? "", userId: extension?.userId ?? null, password: "" };
}

/**
 * What the browser checks: a new extension needs 2–8 digits not taken yet and a password; a password, when
 * given, is 8–100 characters.
 */
export function validateExtension(form: ExtensionForm, options: { isNew: boolean; taken: readonly string[] }): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  if (options.isNew) {
    if (!EXTENSION.test(form.extension)) {
      problems.extension = form.extension === "" ? "FIELD_REQUIRED" : "FIELD_INVALID";
    } else if (options.taken.includes(form.extension)) {
      problems.extension = "ALREADY_EXISTS";
    }
  }
  if (form.password === "") {
    if (options.isNew) {
      problems.password = "FIELD_REQUIRED";
    }
  } else if (form.password.length < PASSWORD_MIN) {
    problems.password = "FIELD_TOO_SHORT";
  } else if (form.password.length > PASSWORD_MAX) {
    problems.password = "FIELD_TOO_LONG";
  }
  return problems;
}

/** The request body: the operator, and the password only when one was typed (the old one stays otherwise). */
export function extensionBody(form: ExtensionForm): ExtensionBody {
  return form.password === "" ? { userId: form.userId } : { userId: form.userId, password: form.password };
}

/**
 * The operators an extension can be given: the active ones, and whoever has it now even if inactive or no
 * longer among those who handle contacts, so the choice never shows empty.
 */
export function operatorOptions(agents: readonly AgentProfileDto[], current: ExtensionDto | null): { value: string; label: string }[] {
  const options = agents.filter((a) => a.active || a.userId === current?.userId).map((a) => ({ value: a.userId, label: `${a.fullName} (${a.login})` }));
  if (current?.userId && !options.some((o) => o.value === current.userId)) {
    options.push({ value: current.userId, label: current.userName ?? current.userId });
  }
  return options;
}

/** Extensions in the order of their numbers (1002 before 1010, 99 before 100). */
export function sortExtensions(items: readonly ExtensionDto[]): ExtensionDto[] {
  return [...items].sort((a, b) => a.extension.localeCompare(b.extension, undefined, { numeric: true }));
}

/** The extension an operator has now other than `extension`: saving frees it, since an operator has one phone. */
export function otherExtensionOf(items: readonly ExtensionDto[], userId: string | null, extension: string): string | null {
  return userId === null ? null : (items.find((e) => e.userId === userId && e.extension !== extension)?.extension ?? null);
}

/** The rows a save freed: the operator's previous extension, now without an operator (as the server left it). */
export function freedBy(items: readonly ExtensionDto[], saved: ExtensionDto): ExtensionDto[] {
  return saved.userId === null ? [] : items.filter((e) => e.userId === saved.userId && e.extension !== saved.extension).map((e) => ({ ...e, userId: null, userName: null }));
}
