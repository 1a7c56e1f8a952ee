import { MIN_NOTICE_INTERVAL_SECONDS } from "@bailanys/common/api/voice-admin";
import { NumberInput, SimpleGrid, Stack, Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { errorText } from "../../../../lib/errorText.ts";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { numberFrom, shown } from "../shared/numbers.ts";
import type { VoiceForm } from "./voiceForm.ts";

type WaitingPart = Pick<VoiceForm, "noticeIntervalSeconds" | "waitingFree" | "shortAbandonSeconds" | "recordCalls" | "recordingRetentionDays">;

interface Props {
  form: WaitingPart;
  errors: FieldMessages;
  onChange: (patch: Partial<WaitingPart>) => void;
}

/** How often a waiting caller hears the notice and whether waiting is free; what counts as a short abandon; recording. */
export function WaitingFields({ form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Said while typing, not only on Save: a shorter interval is refused (R12.2), and the input does not round it up.
  const tooShort = !Number.isNaN(form.noticeIntervalSeconds) && form.noticeIntervalSeconds < MIN_NOTICE_INTERVAL_SECONDS;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NumberInput
          label={t("voiceAdmin.settings.noticeInterval")}
          description={t("voiceAdmin.settings.noticeIntervalHint", { min: MIN_NOTICE_INTERVAL_SECONDS })}
          value={shown(form.noticeIntervalSeconds)}
          onChange={(v) => onChange({ noticeIntervalSeconds: numberFrom(v) })}
          min={MIN_NOTICE_INTERVAL_SECONDS}
          max={3600}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          error={errors.noticeIntervalSeconds ?? (tooShort ? errorText("NOTICE_INTERVAL_TOO_SHORT", locale) : undefined)}
          data-testid="voice-notice-interval"
        />
        <NumberInput
          label={t("voiceAdmin.settings.shortAbandon")}
          description={t("voiceAdmin.settings.shortAbandonHint")}
          value={shown(form.shortAbandonSeconds)}
          onChange={(v) => onChange({ shortAbandonSeconds: numberFrom(v) })}
          min={0}
          max={120}
          allowDecimal={false}
          error={errors.shortAbandonSeconds}
        />
        <NumberInput
          label={t("voiceAdmin.settings.retention")}
          description={t("voiceAdmin.settings.retentionHint")}
          value={shown(form.recordingRetentionDays)}
          onChange={(v) => onChange({ recordingRetentionDays: numberFrom(v) })}
          min={1}
          max={3650}
          allowDecimal={false}
          error={errors.recordingRetentionDays}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Switch
          label={t("voiceAdmin.settings.waitingFree")}
          description={t("voiceAdmin.settings.waitingFreeHint")}
          checked={form.waitingFree}
          onChange={(e) => onChange({ waitingFree: e.currentTarget.checked })}
          error={errors.waitingFree}
          data-testid="voice-waiting-free"
        />
        <Switch
          label={t("voiceAdmin.settings.recordCalls")}
          description={t("voiceAdmin.settings.recordCallsHint")}
          checked={form.recordCalls}
          onChange={(e) => onChange({ recordCalls: e.currentTarget.checked })}
          error={errors.recordCalls}
        />
      </SimpleGrid>
    </Stack>
  );
}
