import type { VoiceSettingsDto } from "@bailanys/common/api/voice-admin";
import { Center, Loader, Stack } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isAbort } from "../../../../api/client.ts";
import { notifyError } from "../../../../lib/notifyError.ts";
import { TabIntro } from "../shared/TabIntro.tsx";
import { ExtensionsSection } from "./ExtensionsSection.tsx";
import { VoiceSettingsEditor } from "./VoiceSettingsEditor.tsx";

/** The single phone number: waiting and recording, numbers and trunks, outbound calls, the voice menu, recordings, extensions. */
export function VoiceTab() {
  const { t } = useTranslation();
  // Undefined while loading; null when loading failed (the notification says why).
  const [settings, setSettings] = useState<VoiceSettingsDto | null | undefined>(undefined);
  // The editor starts again from the saved settings after a save (the server orders numbers and trunks) or an undo.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api<VoiceSettingsDto>("/voice/settings", { signal: controller.signal })
      .then(setSettings)
      .catch((error: unknown) => {
        notifyError(error);
        if (!isAbort(error)) {
          setSettings(null);
        }
      });
    return () => controller.abort();
  }, []);

  const restart = (saved: VoiceSettingsDto) => {
    setSettings(saved);
    setGeneration((g) => g + 1);
  };

  return (
    <Stack gap="xl">
      <TabIntro hint={t("voiceAdmin.hint")} />
      {settings === undefined && (
        <Center p="lg">
          <Loader size="sm" aria-label={t("common.loading")} />
        </Center>
      )}
      {settings && <VoiceSettingsEditor key={generation} settings={settings} onSaved={restart} onReset={() => restart(settings)} />}
      <ExtensionsSection />
    </Stack>
  );
}
