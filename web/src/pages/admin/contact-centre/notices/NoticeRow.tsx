import type { NoticeAdminDto } from "@bailanys/common/api/contacts";
import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { formatDateTime } from "../../../../lib/formatDateTime.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import { EndNoticeButton } from "./EndNoticeButton.tsx";
import { noticePhase, type NoticePhase } from "./noticeForm.ts";

const PHASE_COLORS: Record<NoticePhase, string> = { scheduled: "blue", current: "orange", ended: "gray" };

interface Props {
  notice: NoticeAdminDto;
  /** Ends the notice; absent for ended ones. */
  onEnd?: () => Promise<void>;
}

/** One notice: where it stands, the channels, its text in the interface language, its times. */
export function NoticeRow({ notice, onEnd }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { channelName } = useRoutingOptions();
  const phase = noticePhase(notice);
  const text = {
    kk: [notice.messageKk, notice.alternativesKk],
    ru: [notice.messageRu, notice.alternativesRu],
    en: [notice.messageEn, notice.alternativesEn],
  }[locale];

  return (
    <Table.Tr data-testid="notice-row" data-active={notice.endedAt === null} data-phase={phase}>
      <Table.Td>
        <Badge color={PHASE_COLORS[phase]} variant="light">
          {t(`routingAdmin.notices.phase.${phase}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {notice.channels.length === 0 ? (
          t("routingAdmin.notices.allChannels")
        ) : (
          <Group gap={4}>
            {notice.channels.map((c) => (
              <Badge key={c} variant="light" color="gray">
                {channelName(c)}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
      <Table.Td maw={460}>
        <Stack gap={2}>
          <Text size="sm">{text[0]}</Text>
          {text[1] && (
            <Text size="xs" c="dimmed">
              {text[1]}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{formatDateTime(notice.startsAt)}</Table.Td>
      <Table.Td>{formatDateTime(notice.resumeAt) || t("routingAdmin.notices.resumeUnknown")}</Table.Td>
      <Table.Td>{onEnd ? <EndNoticeButton onConfirm={onEnd} /> : formatDateTime(notice.endedAt)}</Table.Td>
    </Table.Tr>
  );
}
