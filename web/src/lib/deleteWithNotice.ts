import { ApiError } from "../api/client.ts";
import { i18n } from "../i18n/i18n.ts";
import { notifyError, notifySuccess } from "./notifyError.ts";

/**
 * Runs a delete and says how it went. The server refuses to delete a reference entry that appeals or users
 * still point at (IN_USE); that refusal also suggests deactivating the entry instead.
 */
export async function deleteWithNotice(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
    notifySuccess(i18n.t("common.deleted"));
  } catch (error) {
    if (error instanceof ApiError && error.code === "IN_USE") {
      notifyError(new ApiError(error.status, error.code, `${error.message} ${i18n.t("reference.deactivateInstead")}`));
    } else {
      notifyError(error);
    }
  }
}
