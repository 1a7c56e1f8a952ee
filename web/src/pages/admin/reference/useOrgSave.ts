import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiNoContent, ApiError } from "../../../api/client.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";
import { useReference } from "../../../reference/useReference.ts";

/** Saving and deleting bodies, units and positions; the reference snapshot is reloaded after each change. */
export function useOrgSave() {
  const { t } = useTranslation();
  const { reload } = useReference();
  const [busy, setBusy] = useState(false);

  async function save<F extends string>(path: string, id: string | null, body: unknown, fields: readonly F[]): Promise<Partial<Record<F, string>> | null> {
    setBusy(true);
    try {
      await api<unknown>(id ? `${path}/${id}` : path, { method: id ? "PUT" : "POST", json: body });
      await reload();
      notifySuccess(t("common.saved"));
      return null;
    } catch (error) {
      return notifyError(error, fields);
    } finally {
      setBusy(false);
    }
  }

  async function remove(path: string, id: string): Promise<void> {
    try {
      await apiNoContent(`${path}/${id}`, { method: "DELETE" });
      await reload();
      notifySuccess(t("common.deleted"));
    } catch (error) {
      if (error instanceof ApiError && error.code === "IN_USE") {
        notifyError(new ApiError(error.status, error.code, `${error.message} ${t("reference.deactivateInstead")}`));
      } else {
        notifyError(error);
      }
    }
  }

  return { busy, save, remove };
}
