import type { AppealDto } from "@bailanys/common/api/appeals";
import { addCalendarDays } from "@bailanys/common/calendar";
import { Text, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n/useLocale.ts";
import { errorText } from "../../../lib/errorText.ts";
import { formatDate, formatDateTime } from "../../../lib/formatDateTime.ts";
import { isoToAlmatyInput } from "../../../lib/almatyInput.ts";
import { ActionModal } from "./ActionModal.tsx";
import type { ActionResult } from "./useAppealAction.ts";

const FIELDS = ["newDueDate", "reason", "actionPlan"] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  card: AppealDto;
  busy: boolean;
  onClose: () => void;
  run: (body: Record<string, unknown>, fields: readonly Field[]) => Promise<ActionResult<Field>>;
}

/** Extends the deadline to a date no later than two months after receipt, with a reason and an action plan. */
export function ExtendModal({ card, busy, onClose, run }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [date, setDate] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [plan, setPlan] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  // The new deadline must be later than the current one, whose local date is the earliest it cannot be.
  const minDate = addCalendarDays(isoToAlmatyInput(card.dueAt).slice(0, 10), 1);

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {};
    if (date === null) {
      found.newDueDate = errorText("FIELD_REQUIRED", locale);
    }
    if (reason.trim() === "") {
      found.reason = errorText("REASON_REQUIRED", locale);
    }
    if (plan.trim() === "") {
      found.actionPlan = errorText("FIELD_REQUIRED", locale);
    }
    setErrors(found);
    if (date === null || Object.keys(found).length > 0) {
      return;
    }
    const result = await run({ newDueDate: date.slice(0, 10), reason: reason.trim(), actionPlan: plan.trim() }, FIELDS);
    if (result.ok) {
      onClose();
    } else {
      setErrors(result.errors);
    }
  };

  return (
    <ActionModal title={t("extend.title")} submitLabel={t("extend.submit")} busy={busy} onClose={onClose} onSubmit={() => void submit()} testId="extend">
      <Text size="sm">
        {t("extend.current", { date: formatDateTime(card.dueAt) })} {t("extend.limit", { date: formatDate(card.extensionLimitDate) })}
      </Text>
      <DatePickerInput
        label={t("extend.newDate")}
        value={date}
        onChange={setDate}
        minDate={minDate}
        maxDate={card.extensionLimitDate}
        valueFormat="DD.MM.YYYY"
        error={errors.newDueDate}
        clearable
      />
      <Textarea label={t("card.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} maxLength={4000} />
      <Textarea label={t("extend.plan")} value={plan} onChange={(e) => setPlan(e.currentTarget.value)} error={errors.actionPlan} autosize minRows={3} maxLength={4000} />
    </ActionModal>
  );
}
