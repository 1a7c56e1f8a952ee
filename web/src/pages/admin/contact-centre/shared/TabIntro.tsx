import { Button, Group, Text } from "@mantine/core";
import type { TablerIcon } from "@tabler/icons-react";

interface Props {
  hint: string;
  /** The tab's main action, beside the hint ("Add queue"). */
  action?: { label: string; icon: TablerIcon; onClick: () => void; testId: string };
}

/** A tab's opening: what it is for, and its main action to the right. */
export function TabIntro({ hint, action }: Props) {
  const text = (
    <Text size="sm" c="dimmed" maw={760}>
      {hint}
    </Text>
  );
  if (action === undefined) {
    return text;
  }
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      {text}
      <Button leftSection={<action.icon size={16} aria-hidden />} onClick={action.onClick} data-testid={action.testId} style={{ flexShrink: 0 }}>
        {action.label}
      </Button>
    </Group>
  );
}
