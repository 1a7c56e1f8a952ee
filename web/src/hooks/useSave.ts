import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../lib/notifyError.ts";

/**
 * Runs one save with a busy flag and the usual notices. Resolves to null when it worked, otherwise to the
 * field messages a form places under its inputs (the rest of the error is already in a notification).
 */
export function useSave() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function save<F extends string = never>(work: () => Promise<unknown>, fields: readonly F[] = [], success?: string): Promise<Partial<Record<F, string>> | null> {
    setBusy(true);
    try {
      await work();
      notifySuccess(success ?? t("common.saved"));
      return null;
    } catch (error) {
      return notifyError(error, fields);
    } finally {
      setBusy(false);
    }
  }

  return { busy, save };
}
