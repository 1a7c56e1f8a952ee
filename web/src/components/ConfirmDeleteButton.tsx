import { Button, Group, Popover, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  onConfirm: () => Promise<void> | void;
  /** What is being deleted, read out in the question. */
  what: string;
}

/** Delete with a second, explicit confirmation; the popover keeps focus so it works from the keyboard. */
export function ConfirmDeleteButton({ onConfirm, what }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpened(false);
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus withArrow position="bottom-end" shadow="md">
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setOpened((o) => !o)}>
          {t("common.delete")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="xs">
          {t("common.confirmDelete", { what })}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t("common.cancel")}
          </Button>
          <Button size="xs" color="red" loading={busy} onClick={() => void confirm()}>
            {t("common.delete")}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
