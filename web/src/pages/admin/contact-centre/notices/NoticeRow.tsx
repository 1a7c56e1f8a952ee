import type { NoticeAdminDto } from "@bailanys/common/api/contacts";
import { Badge, Stack, Table, Text } from "@mantine/core";
import { IconPlayerStop } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ConfirmDeleteButton } from "../../../../components/ConfirmDeleteButton.tsx";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { formatDateTime } from "../../../../lib/formatDateTime.ts";
import { ChannelBadges } from "../shared/ChannelBadges.tsx";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
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
        {notice.channels.length === 0 ? t("routingAdmin.notices.allChannels") : <ChannelBadges codes={notice.channels} channelName={channelName} />}
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
      <Table.Td>
        {onEnd ? (
          // Asked twice like a deletion: citizens stop seeing the notice at once.
          <ConfirmDeleteButton
            onConfirm={onEnd}
            action={{ label: t("routingAdmin.notices.end"), question: t("routingAdmin.notices.endConfirm"), color: "orange", variant: "light", icon: IconPlayerStop, testId: "notice-end", maw: 300 }}
          />
        ) : (
          formatDateTime(notice.endedAt)
        )}
      </Table.Td>
    </Table.Tr>
  );
}
