import { Alert, Button, Stack } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

interface Props {
  title?: string;
  message: string;
  onRetry(): void;
}

/** A portal request that failed, with "try again" (too many requests, the network, a wrong link). */
export function KbLoadFailed({ title, message, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={title ?? t("kbPortal.loadFailed")} role="alert" styles={{ title: { color: "var(--mantine-color-black)" } }}>
      <Stack gap="xs" align="flex-start">
        {message}
        <Button size="xs" variant="default" onClick={onRetry}>
          {t("kbPortal.retry")}
        </Button>
      </Stack>
    </Alert>
  );
}
