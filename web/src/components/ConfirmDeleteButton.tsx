import { Button, Group, Popover, Text, type ButtonVariant, type MantineColor } from "@mantine/core";
import { IconTrash, type TablerIcon } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Another action than Delete that cannot be taken back either, so it asks the same way, in its own words and look. */
export interface ConfirmAction {
  label: string;
  question: string;
  color: MantineColor;
  variant: ButtonVariant;
  icon: TablerIcon;
  /** data-testid of the button; its confirmation gets the same with "-confirm" ("notice-end", "notice-end-confirm"). */
  testId?: string;
  /** Width limit of the popover, for a long question. */
  maw?: number;
}

type Props = { onConfirm: () => Promise<void> | void } & (
  | {
      /** What is being deleted, read out in the question. */
      what: string;
    }
  | { action: ConfirmAction }
);

/** Delete (or another action) with a second, explicit confirmation; the popover keeps focus so it works from the keyboard. */
export function ConfirmDeleteButton(props: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const action: ConfirmAction =
    "action" in props ? props.action : { label: t("common.delete"), question: t("common.confirmDelete", { what: props.what }), color: "red", variant: "subtle", icon: IconTrash };
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setOpened(false);
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus withArrow position="bottom-end" shadow="md">
      <Popover.Target>
        <Button size="compact-sm" variant={action.variant} color={action.color} leftSection={<action.icon size={14} aria-hidden />} onClick={() => setOpened((o) => !o)} data-testid={action.testId}>
          {action.label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={action.maw}>
        <Text size="sm" mb="xs">
          {action.question}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t("common.cancel")}
          </Button>
          <Button size="xs" color={action.color} loading={busy} onClick={() => void confirm()} data-testid={action.testId === undefined ? undefined : `${action.testId}-confirm`}>
            {action.label}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
