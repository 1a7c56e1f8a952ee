import { ERRORS } from "@bailanys/common/errors";
import { notifications, type NotificationData } from "@mantine/notifications";
import { ApiError, isAbort } from "../api/client.ts";
import { currentLocale, i18n } from "../i18n/i18n.ts";

/** A notification whose close button says what it does to a screen reader, in the user's language. */
function show(data: NotificationData): void {
  notifications.show({ ...data, closeButtonProps: { "aria-label": i18n.t("common.close") } });
}

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
    show({ color: "red", title: i18n.t("common.error"), message: ERRORS.INTERNAL.message[currentLocale()] });
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
  show({ color: "red", title: i18n.t("common.error"), message, autoClose: 8000 });
  return placed;
}

/** A short confirmation after a successful change. */
export function notifySuccess(message: string): void {
  show({ color: "teal", message, autoClose: 4000 });
}
