import { ActionIcon, List, Popover, Stack, Text } from "@mantine/core";
import { IconClock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** The chat's opening hours as the server words them ("Mon–Fri 09:00–18:00"). */
export function ChatHours({ hours }: { hours: readonly string[] }) {
  const { t } = useTranslation();
  if (hours.length === 0) {
    return null;
  }
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t("chat.hoursTitle")}
      </Text>
      <List size="sm" listStyleType="none" spacing={0}>
        {hours.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The hours behind a button in the chat's bar, so they stay one tap away during the conversation. */
export function ChatHoursButton({ hours }: { hours: readonly string[] }) {
  const { t } = useTranslation();
  if (hours.length === 0) {
    return null;
  }
  return (
    <Popover position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray.8" size="lg" aria-label={t("chat.hoursButton")} title={t("chat.hoursButton")}>
          <IconClock size={20} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <ChatHours hours={hours} />
      </Popover.Dropdown>
    </Popover>
  );
}
