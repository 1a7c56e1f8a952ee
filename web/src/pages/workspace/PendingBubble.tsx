import { Box, Button, Group, Paper, Text } from "@mantine/core";
import { IconAlertTriangle, IconClock, IconPaperclip } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { PendingMessage } from "./useOutbox.ts";

interface Props {
  message: PendingMessage;
  onRetry: () => void;
  onDiscard: () => void;
}

/** The operator's message on its way, or refused with "send again" and "discard". */
export function PendingBubble({ message, onRetry, onDiscard }: Props) {
  const { t } = useTranslation();
  return (
    <Box style={{ display: "flex", justifyContent: "flex-end" }} data-testid="pending-message" data-failed={message.failed || undefined}>
      <Paper px="sm" py={6} maw="80%" style={{ background: "var(--mantine-color-bailanys-0)", border: `1px dashed var(--mantine-color-${message.failed ? "red-6" : "bailanys-3"})`, opacity: message.failed ? 1 : 0.75 }}>
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {message.text}
        </Text>
        {message.attachment && (
          <Group gap={4} wrap="nowrap" mt={2}>
            <IconPaperclip size={14} aria-hidden />
            <Text size="xs" style={{ overflowWrap: "anywhere" }}>
              {message.attachment.fileName}
            </Text>
          </Group>
        )}
        <Group gap="xs" justify="flex-end" mt={4}>
          {message.failed ? (
            <>
              <Group gap={4} c="red.7">
                <IconAlertTriangle size={14} aria-hidden />
                <Text size="xs">{t("workspace.conversation.failed")}</Text>
              </Group>
              <Button size="compact-xs" variant="light" onClick={onRetry}>
                {t("workspace.conversation.retry")}
              </Button>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={onDiscard}>
                {t("workspace.conversation.discard")}
              </Button>
            </>
          ) : (
            <Group gap={4} c="dimmed">
              <IconClock size={14} aria-hidden />
              <Text size="xs">{t("workspace.conversation.sending")}</Text>
            </Group>
          )}
        </Group>
      </Paper>
    </Box>
  );
}
