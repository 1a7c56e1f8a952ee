import type { PromptRecordingDto } from "@bailanys/common/api/voice-admin";
import { Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiNoContent } from "../../../../api/client.ts";
import { ConfirmDeleteButton } from "../../../../components/ConfirmDeleteButton.tsx";
import { deleteWithNotice } from "../../../../lib/deleteWithNotice.ts";
import { formatDateTime } from "../../../../lib/formatDateTime.ts";
import { notifyError, notifySuccess } from "../../../../lib/notifyError.ts";
import { durationSeconds, recordingPath, type RecordedLocale } from "./recordings.ts";

interface Props {
  promptKey: string;
  locale: RecordedLocale;
  recording: PromptRecordingDto | undefined;
  onUploaded: (recording: PromptRecordingDto) => void;
  onDeleted: () => void;
}

/** One prompt in one language: a player and Delete when recorded, and an upload that adds or replaces the WAV. */
export function RecordingCell({ promptKey, locale, recording, onUploaded, onDeleted }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  // The server's word on the last file (not a WAV, too long), under the upload button.
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const reset = useRef<() => void>(null);
  const what = t("voiceAdmin.recordings.what", { key: promptKey, language: t(`locale.${locale}`) });
  const action = recording === undefined ? t("voiceAdmin.recordings.upload") : t("voiceAdmin.recordings.replace");

  const upload = async (file: File | null) => {
    if (file === null) {
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append("file", file, file.name);
      onUploaded(await api<PromptRecordingDto>(recordingPath(promptKey, locale), { method: "PUT", form }));
      setProblem(undefined);
      notifySuccess(t("voiceAdmin.recordings.uploaded"));
    } catch (error) {
      setProblem(notifyError(error, ["file"]).file);
    } finally {
      setBusy(false);
      // The same file may be chosen again after a refusal.
      reset.current?.();
    }
  };

  const remove = () =>
    deleteWithNotice(async () => {
      await apiNoContent(recordingPath(promptKey, locale), { method: "DELETE" });
      onDeleted();
    });

  return (
    <Stack gap={6} data-testid="voice-recording" data-locale={locale} data-recorded={recording !== undefined}>
      {recording === undefined ? (
        <Text size="xs" c="dimmed">
          {t("voiceAdmin.recordings.generated")}
        </Text>
      ) : (
        <>
          {/* Keyed by the upload time, so a replaced recording is fetched again. The session cookie goes with the request. */}
          <audio key={recording.uploadedAt} controls preload="none" src={`/api/v1${recordingPath(promptKey, locale)}`} aria-label={what} style={{ width: "100%", maxWidth: 300 }} />
          <Text size="xs" c="dimmed">
            {t("voiceAdmin.recordings.details", { seconds: durationSeconds(recording.durationMs), at: formatDateTime(recording.uploadedAt) })}
          </Text>
        </>
      )}
      <Group gap={4}>
        <FileButton onChange={(file) => void upload(file)} accept="audio/wav,audio/x-wav,audio/wave,.wav" resetRef={reset}>
          {(props) => (
            <Button {...props} size="compact-sm" variant="light" leftSection={<IconUpload size={14} aria-hidden />} loading={busy} aria-label={`${action}: ${what}`}>
              {action}
            </Button>
          )}
        </FileButton>
        {recording !== undefined && <ConfirmDeleteButton what={what} onConfirm={remove} />}
      </Group>
      {problem && (
        <Text size="xs" c="red">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
