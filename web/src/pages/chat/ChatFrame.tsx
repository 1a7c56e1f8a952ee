import { Box, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.tsx";
import { ChatHoursButton } from "./ChatHours.tsx";

interface Props {
  /** Inside the widget's iframe: no page header, the chat fills the frame. */
  embed: boolean;
  tenantName: string | null;
  hours: readonly string[];
  children: ReactNode;
}

const column = { display: "flex", flexDirection: "column", minHeight: 0 } as const;

// Mantine's hint, error and placeholder greys and reds are near 3.5:1 on white; the chat is for everyone, so its
// secondary texts are darkened to at least 4.5:1 (WCAG 2.1 AA) here rather than in every component.
const readable = {
  "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
  "--mantine-color-error": "var(--mantine-color-red-9)",
  "--mantine-color-placeholder": "#6c757d",
} as const;

/** The chat's surroundings: a bar with the body's name, hours and language, and a full-height column below. */
export function ChatFrame({ embed, tenantName, hours, children }: Props) {
  const { t } = useTranslation();
  const bar = (
    <Group component="header" justify="space-between" wrap="nowrap" gap="xs" px="md" py="xs" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
      <Group gap="sm" wrap="nowrap" miw={0}>
        {!embed && (
          <Text fw={700} size="lg" c="bailanys.8" visibleFrom="sm">
            Bailanys
          </Text>
        )}
        <Stack gap={0} miw={0}>
          <Title order={1} fz="md" lineClamp={2}>
            {tenantName ?? t("chat.title")}
          </Title>
          {tenantName !== null && (
            <Text size="xs" c="gray.7" lineClamp={1}>
              {t("chat.title")}
            </Text>
          )}
        </Stack>
      </Group>
      <Group gap={4} wrap="nowrap">
        <ChatHoursButton hours={hours} />
        <LanguageSwitcher />
      </Group>
    </Group>
  );
  if (embed) {
    return (
      <Box h="100dvh" bg="white" style={{ ...column, ...readable }}>
        {bar}
        <Box flex={1} style={column}>
          {children}
        </Box>
      </Box>
    );
  }
  return (
    <Box h="100dvh" bg="gray.0" style={{ ...column, ...readable }}>
      {bar}
      <Container size="sm" w="100%" flex={1} py={{ base: 0, sm: "md" }} px={{ base: 0, sm: "md" }} style={column}>
        <Paper withBorder flex={1} radius="md" style={{ ...column, overflow: "hidden" }}>
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
