import type { VersionDto } from "@bailanys/common/api/kb";
import type { Locale } from "@bailanys/common/locales";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useSave } from "../../../hooks/useSave.ts";
import type { FieldMessages } from "../../admin/contact-centre/shared/fieldErrors.ts";
import { withPlacedFields } from "../../admin/contact-centre/shared/withPlacedFields.ts";
import { DRAFT_FIELDS, formToDraft, type DraftForm } from "./draftForm.ts";

/**
 * Saving a draft and submitting it: submit saves first, so what is sent for approval is what is on the screen.
 * The server's field problems (the missing official source among them) come back as messages by field.
 */
export function useDraftActions(articleId: string, locale: Locale, onChanged: () => void) {
  const { t } = useTranslation();
  const { busy, save } = useSave();
  const [errors, setErrors] = useState<FieldMessages>({});

  const saveDraft = (form: DraftForm) => api<VersionDto>(`/kb/articles/${articleId}/translations/${locale}/draft`, { method: "PUT", json: formToDraft(form) });

  const run = async (work: () => Promise<unknown>, success: string) => {
    const placed = await save(() => withPlacedFields(work, DRAFT_FIELDS), DRAFT_FIELDS, success);
    setErrors(placed ?? {});
    onChanged();
  };

  return {
    busy,
    errors,
    save: (form: DraftForm) => run(() => saveDraft(form), t("kbEditor.draft.saved")),
    submit: (form: DraftForm) =>
      run(async () => {
        const version = await saveDraft(form);
        await api<VersionDto>(`/kb/versions/${version.id}/submit`, { method: "POST" });
      }, t("kbEditor.draft.submitted")),
  };
}
