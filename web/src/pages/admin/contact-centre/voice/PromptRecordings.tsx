import type { PromptRecordingDto } from "@bailanys/common/api/voice-admin";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TableHeader } from "../../../../components/TableHeader.tsx";
import { useAdminList } from "../shared/useAdminList.ts";
import { RECORDED_LOCALES, recordingKeys, recordingOf } from "./recordings.ts";
import { RecordingCell } from "./RecordingCell.tsx";
import { VoiceSection } from "./VoiceSection.tsx";

interface Props {
  /** The prompt keys the menu (as edited) plays or has words for. */
  menuKeys: string[];
}

/** Recorded prompts: per key and language, listen, upload a WAV or delete; a recording replaces generated speech. */
export function PromptRecordings({ menuKeys }: Props) {
  const { t } = useTranslation();
  const { items, put, drop } = useAdminList<PromptRecordingDto>("/voice/prompts", (r) => `${r.key}/${r.locale}`);
  const keys = recordingKeys(menuKeys, items ?? []);

  return (
    <VoiceSection title={t("voiceAdmin.recordings.title")} hint={t("voiceAdmin.recordings.hint")} testId="voice-recordings">
      <Table.ScrollContainer minWidth={820}>
        <Table striped data-testid="voice-recordings-table">
          <TableHeader labels={[t("voiceAdmin.recordings.key"), ...RECORDED_LOCALES.map((l) => t(`locale.${l}`))]} />
          <Table.Tbody>
            {keys.map((key) => (
              <Table.Tr key={key} data-testid="voice-recording-row" data-key={key}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {key}
                  </Text>
                  {!menuKeys.includes(key) && (
                    <Text size="xs" c="dimmed">
                      {t("voiceAdmin.recordings.unused")}
                    </Text>
                  )}
                </Table.Td>
                {RECORDED_LOCALES.map((locale) => (
                  <Table.Td key={locale}>
                    <RecordingCell promptKey={key} locale={locale} recording={recordingOf(items ?? [], key, locale)} onUploaded={put} onDeleted={() => drop(`${key}/${locale}`)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items !== null && keys.length === 0 && (
        <Text c="dimmed" ta="center" p="lg">
          {t("voiceAdmin.recordings.empty")}
        </Text>
      )}
    </VoiceSection>
  );
}
