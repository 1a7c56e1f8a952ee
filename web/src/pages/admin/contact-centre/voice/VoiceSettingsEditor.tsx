import type { VoiceSettingsDto } from "@bailanys/common/api/voice-admin";
import { Button, Group, Stack, TagsInput } from "@mantine/core";
import { IconDeviceFloppy, IconRestore } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { useAdminForm } from "../shared/useAdminForm.ts";
import { promptKeysOf } from "./menuForm.ts";
import { MenuEditor } from "./MenuEditor.tsx";
import { OutboundFields } from "./OutboundFields.tsx";
import { PromptRecordings } from "./PromptRecordings.tsx";
import { TrunkRows } from "./TrunkRows.tsx";
import { formToSettingsBody, settingsToForm, validateVoiceForm, voiceChanged, voiceFieldKeys } from "./voiceForm.ts";
import { VoiceSection } from "./VoiceSection.tsx";
import { WaitingFields } from "./WaitingFields.tsx";

interface Props {
  settings: VoiceSettingsDto;
  /** Called with the saved settings. */
  onSaved: (settings: VoiceSettingsDto) => void;
  /** Drops the changes: the editor starts again from `settings`. */
  onReset: () => void;
}

/**
 * The settings saved in one PUT: waiting and recording, the numbers and trunks, outbound calls, the voice menu.
 * The recordings follow, for the prompt keys the menu plays (they are uploaded at once, not with Save).
 */
export function VoiceSettingsEditor({ settings, onSaved, onReset }: Props) {
  const { t } = useTranslation();
  const { form, change, errors, busy, submit } = useAdminForm({
    initial: () => settingsToForm(settings),
    validate: validateVoiceForm,
    fields: voiceFieldKeys,
    nested: true,
    send: async (form) => onSaved(await api<VoiceSettingsDto>("/voice/settings", { method: "PUT", json: formToSettingsBody(form) })),
    // Nothing closes: the tab starts the editor again from what was saved.
    onDone: () => undefined,
    success: t("voiceAdmin.settings.saved"),
  });
  const changed = voiceChanged(form, settings);

  return (
    <Stack gap="xl">
      <VoiceSection title={t("voiceAdmin.settings.title")} hint={t("voiceAdmin.settings.hint")} testId="voice-settings">
        <WaitingFields form={form} errors={errors} onChange={change} />
      </VoiceSection>
      <VoiceSection title={t("voiceAdmin.line.title")} hint={t("voiceAdmin.line.hint")} testId="voice-line">
        <TagsInput
          label={t("voiceAdmin.line.numbers")}
          description={t("voiceAdmin.line.numbersHint")}
          value={form.numbers}
          onChange={(numbers) => change({ numbers: numbers.map((n) => n.trim()) })}
          maxTags={20}
          error={errors.numbers}
          data-testid="voice-numbers"
        />
        <TrunkRows rows={form.trunks} errors={errors} onChange={(trunks) => change({ trunks })} />
      </VoiceSection>
      <VoiceSection title={t("voiceAdmin.outbound.title")} hint={t("voiceAdmin.outbound.hint")} testId="voice-outbound">
        <OutboundFields form={form} errors={errors} onChange={change} />
      </VoiceSection>
      <VoiceSection title={t("voiceAdmin.menu.title")} hint={t("voiceAdmin.menu.hint")} testId="voice-menu">
        <MenuEditor menu={form.menu} errors={errors} onChange={(menu) => change({ menu })} />
      </VoiceSection>
      <Group justify="flex-end">
        <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} disabled={!changed || busy} onClick={onReset}>
          {t("common.reset")}
        </Button>
        <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={busy} onClick={() => void submit()} data-testid="voice-save">
          {t("voiceAdmin.settings.save")}
        </Button>
      </Group>
      <PromptRecordings menuKeys={promptKeysOf(form.menu)} />
    </Stack>
  );
}
