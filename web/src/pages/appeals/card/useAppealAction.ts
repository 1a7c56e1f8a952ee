import type { AppealDto } from "@bailanys/common/api/appeals";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError } from "../../../api/client.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";

export type ActionResult<F extends string> = { ok: true } | { ok: false; errors: Partial<Record<F, string>> };

interface Options {
  card: AppealDto;
  /** Receives the fresh card every action answers with. */
  onCard: (card: AppealDto) => void;
  /** Reloads the card after a CONFLICT, so the user sees what the other person changed. */
  onConflict: () => void;
}

/** Runs an appeal action with the card's version (optimistic locking) and turns the answer into UI state. */
export function useAppealAction({ card, onCard, onConflict }: Options) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function run<F extends string>(
    path: string,
    body: Record<string, unknown>,
    fields: readonly F[],
    success: string,
    method: "POST" | "PATCH" = "POST",
  ): Promise<ActionResult<F>> {
    setBusy(true);
    try {
      const withVersion = method === "POST" ? { ...body, version: card.version } : body;
      const fresh = await api<AppealDto>(`/appeals/${card.id}${path}`, { method, json: withVersion });
      onCard(fresh);
      notifySuccess(success);
      return { ok: true };
    } catch (error) {
      if (error instanceof ApiError && error.code === "CONFLICT") {
        notifyError(new ApiError(error.status, error.code, `${error.message} ${t("card.reloaded")}`));
        onConflict();
        return { ok: false, errors: {} };
      }
      return { ok: false, errors: notifyError(error, fields) };
    } finally {
      setBusy(false);
    }
  }

  return { busy, run };
}
