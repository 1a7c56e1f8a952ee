import { Group, Loader, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shown while the live connection is down; messages typed meanwhile wait and go out when it is back. */
export function ReconnectingBanner() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" px="md" py={6} bg="yellow.1" role="status" data-testid="chat-reconnecting" wrap="nowrap">
      <Loader size={14} color="gray.8" aria-hidden />
      <Text size="sm" c="black">
        {t("chat.conversation.reconnecting")}
      </Text>
    </Group>
  );
}
