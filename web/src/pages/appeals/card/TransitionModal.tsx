import { ANSWER_CHARACTERS, COMPLAINT_OUTCOMES, type TransitionOption } from "@bailanys/common/api/appeals";
import { Radio, Group, Select, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import { errorText } from "../../../lib/errorText.ts";
import { ActionModal } from "./ActionModal.tsx";
import type { ActionResult } from "./useAppealAction.ts";

const FIELDS = ["reason", "clientMessage", "outcome", "answerCharacter"] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  option: TransitionOption;
  busy: boolean;
  onClose: () => void;
  run: (body: Record<string, unknown>, fields: readonly Field[]) => Promise<ActionResult<Field>>;
}

/** Moves the appeal along one edge of the status graph, asking for exactly what that edge demands. */
export function TransitionModal({ option, busy, onClose, run }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [reason, setReason] = useState("");
  const [clientMessage, setClientMessage] = useState("");
  const [outcome, setOutcome] = useState<string | null>(null);
  const [answerCharacter, setAnswerCharacter] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const closing = option.to.phase === "closed";
  const asksAnswer = closing && option.requiresClientMessage;

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {};
    if (option.requiresReason && reason.trim() === "") {
      found.reason = errorText("REASON_REQUIRED", locale);
    }
    if (option.requiresClientMessage && clientMessage.trim() === "") {
      found.clientMessage = errorText("ANSWER_REQUIRED", locale);
    }
    if (option.requiresOutcome && outcome === null) {
      found.outcome = errorText("COMPLAINT_OUTCOME_REQUIRED", locale);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const result = await run(
      {
        to: option.to.code,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(clientMessage.trim() ? { clientMessage: clientMessage.trim() } : {}),
        ...(outcome ? { outcome } : {}),
        ...(answerCharacter ? { answerCharacter } : {}),
      },
      FIELDS,
    );
    if (result.ok) {
      onClose();
    } else {
      setErrors(result.errors);
    }
  };

  return (
    <ActionModal title={t("transition.title")} submitLabel={t("transition.submit")} busy={busy} onClose={onClose} onSubmit={() => void submit()} testId="transition">
      <Group gap="xs">
        <Text size="sm">{t("transition.newStatus")}:</Text>
        <StatusBadge status={option.to} />
      </Group>
      <Textarea
        label={option.requiresReason ? t("card.reason") : t("transition.comment")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
        maxLength={4000}
      />
      {option.requiresClientMessage && (
        <Textarea
          label={t("card.clientMessage")}
          description={t("transition.clientMessageHint")}
          value={clientMessage}
          onChange={(e) => setClientMessage(e.currentTarget.value)}
          error={errors.clientMessage}
          autosize
          minRows={4}
          maxLength={20000}
        />
      )}
      {option.requiresOutcome && (
        <Radio.Group label={t("card.outcome")} value={outcome} onChange={setOutcome} error={errors.outcome}>
          <Group mt="xs">
            {COMPLAINT_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={t(`outcome.${o}`)} />
            ))}
          </Group>
        </Radio.Group>
      )}
      {asksAnswer && (
        <Select
          label={t("card.answerCharacter")}
          data={ANSWER_CHARACTERS.map((a) => ({ value: a, label: t(`answerCharacter.${a}`) }))}
          value={answerCharacter}
          onChange={setAnswerCharacter}
          error={errors.answerCharacter}
          clearable
        />
      )}
    </ActionModal>
  );
}
