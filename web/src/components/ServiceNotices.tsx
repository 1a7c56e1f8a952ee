import type { ServiceNoticeDto } from "@bailanys/common/api/contacts";
import { Alert, Stack, Text, type StackProps } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../lib/formatDateTime.ts";

interface Props extends StackProps {
  notices: readonly ServiceNoticeDto[];
}

/**
 * Service-interruption notices (R34): what is wrong, which other channels work, when it should be back. Shown
 * wherever a citizen contacts the centre (chat, status page).
 */
export function ServiceNotices({ notices, ...stackProps }: Props) {
  const { t } = useTranslation();
  if (notices.length === 0) {
    return null;
  }
  return (
    <Stack gap="xs" {...stackProps}>
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          color="orange"
          p="xs"
          icon={<IconAlertTriangle aria-hidden />}
          title={notice.message}
          data-testid="service-notice"
          // The orange title of a light alert is below 4.5:1 on its background; black keeps it readable.
          styles={{ title: { color: "var(--mantine-color-black)" } }}
        >
          {notice.alternatives !== "" && <Text size="sm">{notice.alternatives}</Text>}
          {notice.resumeAt !== null && <Text size="sm">{t("chat.noticeResume", { time: formatDateTime(notice.resumeAt) })}</Text>}
        </Alert>
      ))}
    </Stack>
  );
}
