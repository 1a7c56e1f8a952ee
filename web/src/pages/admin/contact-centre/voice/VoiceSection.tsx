import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface Props {
  title: string;
  hint: string;
  /** To the right of the heading: the section's main action ("Add extension"). */
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One part of the voice tab under its heading, with a line saying what it is for. */
export function VoiceSection({ title, hint, action, children, testId }: Props) {
  return (
    <Stack gap="sm" component="section" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {hint}
          </Text>
        </Stack>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
