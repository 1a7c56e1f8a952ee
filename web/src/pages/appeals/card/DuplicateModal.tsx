import { TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n/useLocale.ts";
import { errorText } from "../../../lib/errorText.ts";
import { ActionModal } from "./ActionModal.tsx";
import type { ActionResult } from "./useAppealAction.ts";

const FIELDS = ["duplicateOf", "reason"] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  busy: boolean;
  onClose: () => void;
  run: (body: Record<string, unknown>, fields: readonly Field[]) => Promise<ActionResult<Field>>;
}

/** Closes the appeal as a repeat of an earlier one, found by its registration number. */
export function DuplicateModal({ busy, onClose, run }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [original, setOriginal] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {};
    if (original.trim() === "") {
      found.duplicateOf = errorText("FIELD_REQUIRED", locale);
    }
    if (reason.trim() === "") {
      found.reason = errorText("REASON_REQUIRED", locale);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const result = await run({ duplicateOf: original.trim(), reason: reason.trim() }, FIELDS);
    if (result.ok) {
      onClose();
    } else {
      setErrors(result.errors);
    }
  };

  return (
    <ActionModal title={t("duplicate.title")} submitLabel={t("duplicate.submit")} busy={busy} onClose={onClose} onSubmit={() => void submit()} testId="duplicate">
      <TextInput label={t("duplicate.original")} placeholder="109-2026-00000001" value={original} onChange={(e) => setOriginal(e.currentTarget.value)} error={errors.duplicateOf} maxLength={60} />
      <Textarea label={t("card.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={3} maxLength={4000} />
    </ActionModal>
  );
}
