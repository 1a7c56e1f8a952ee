import { ERRORS } from "@bailanys/common/errors";
import { notifications } from "@mantine/notifications";
import { ApiError, isAbort } from "../api/client.ts";
import { currentLocale, i18n } from "../i18n/i18n.ts";

/**
 * Shows a failed call in a notification and returns the field messages a form can place under its inputs.
 * Field problems the form has no input for are added to the notification, so none is lost.
 */
export function notifyError<F extends string = never>(error: unknown, formFields: readonly F[] = []): Partial<Record<F, string>> {
  const placed: Partial<Record<F, string>> = {};
  if (isAbort(error)) {
    return placed;
  }
  const isFormField = (field: string): field is F => (formFields as readonly string[]).includes(field);
  if (!(error instanceof ApiError)) {
    notifications.show({ color: "red", title: i18n.t("common.error"), message: ERRORS.INTERNAL.message[currentLocale()] });
    return placed;
  }
  const extra: string[] = [];
  for (const field of error.fields) {
    if (isFormField(field.field)) {
      placed[field.field] ??= field.message;
    } else {
      extra.push(field.field ? `${field.field}: ${field.message}` : field.message);
    }
  }
  const message = [error.message, ...extra].join(" ");
  notifications.show({ color: "red", title: i18n.t("common.error"), message, autoClose: 8000 });
  return placed;
}

/** A short confirmation after a successful change. */
export function notifySuccess(message: string): void {
  notifications.show({ color: "teal", message, autoClose: 4000 });
}
