import { Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { HoursEditor } from "../queues/HoursEditor.tsx";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { outboundTrunkProblem, type VoiceForm } from "./voiceForm.ts";

type OutboundPart = Pick<VoiceForm, "outboundTrunk" | "outboundHours" | "agreedSchedule">;

interface Props {
  form: OutboundPart;
  errors: FieldMessages;
  onChange: (patch: Partial<OutboundPart>) => void;
}

/** Where outbound calls go, the weekly calling hours, and the span in which a time the citizen asked for may be kept (R13.5). */
export function OutboundFields({ form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const [from, to] = form.agreedSchedule;
  // "The value is invalid" says too little about an address: while it is malformed, say what is expected.
  const trunkError = errors.outboundTrunk !== undefined && outboundTrunkProblem(form.outboundTrunk) !== null ? t("voiceAdmin.outbound.trunkInvalid") : errors.outboundTrunk;

  return (
    <Stack>
      <TextInput
        label={t("voiceAdmin.outbound.trunk")}
        description={t("voiceAdmin.outbound.trunkHint")}
        inputWrapperOrder={["label", "input", "description", "error"]}
        placeholder="192.0.2.20:5060"
        value={form.outboundTrunk}
        onChange={(e) => onChange({ outboundTrunk: e.currentTarget.value.trim() })}
        maxLength={21}
        error={trunkError}
        maw={420}
        data-testid="voice-outbound-trunk"
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Fieldset legend={t("voiceAdmin.outbound.hours")}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t("voiceAdmin.outbound.hoursHint")}
            </Text>
            <HoursEditor days={form.outboundHours} field="outboundHours" errors={errors} onChange={(outboundHours) => onChange({ outboundHours })} testId="voice-outbound-hours" />
          </Stack>
        </Fieldset>
        <Fieldset legend={t("voiceAdmin.outbound.agreed")}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t("voiceAdmin.outbound.agreedHint")}
            </Text>
            <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="voice-agreed-schedule">
              <TextInput
                aria-label={t("voiceAdmin.outbound.agreedFrom")}
                placeholder="08:00"
                value={from}
                onChange={(e) => onChange({ agreedSchedule: [e.currentTarget.value.trim(), to] })}
                error={errors.agreedSchedule !== undefined}
                maxLength={5}
                w={84}
              />
              <Text pt={6} aria-hidden>
                –
              </Text>
              <TextInput
                aria-label={t("voiceAdmin.outbound.agreedTo")}
                placeholder="22:00"
                value={to}
                onChange={(e) => onChange({ agreedSchedule: [from, e.currentTarget.value.trim()] })}
                error={errors.agreedSchedule !== undefined}
                maxLength={5}
                w={84}
              />
            </Group>
            {errors.agreedSchedule !== undefined && (
              <Text size="xs" c="red">
                {errors.agreedSchedule}
              </Text>
            )}
          </Stack>
        </Fieldset>
      </SimpleGrid>
    </Stack>
  );
}
