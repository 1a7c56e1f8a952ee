import { Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n/useLocale.ts";
import { errorText } from "../../../lib/errorText.ts";
import { ActionModal } from "./ActionModal.tsx";
import type { ActionResult } from "./useAppealAction.ts";

const FIELDS = ["reason"] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  busy: boolean;
  onClose: () => void;
  run: (body: Record<string, unknown>, fields: readonly Field[]) => Promise<ActionResult<Field>>;
}

/** Records that the applicant withdrew the appeal. */
export function WithdrawModal({ busy, onClose, run }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async () => {
    if (reason.trim() === "") {
      setErrors({ reason: errorText("REASON_REQUIRED", locale) });
      return;
    }
    const result = await run({ reason: reason.trim() }, FIELDS);
    if (result.ok) {
      onClose();
    } else {
      setErrors(result.errors);
    }
  };

  return (
    <ActionModal title={t("withdraw.title")} submitLabel={t("withdraw.submit")} busy={busy} onClose={onClose} onSubmit={() => void submit()} testId="withdraw">
      <Textarea label={t("card.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={3} maxLength={4000} />
    </ActionModal>
  );
}
