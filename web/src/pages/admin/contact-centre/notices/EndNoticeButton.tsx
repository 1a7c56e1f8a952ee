import { Button, Group, Popover, Text } from "@mantine/core";
import { IconPlayerStop } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** "End" with a second, explicit confirmation (like ConfirmDeleteButton): citizens stop seeing the notice at once. */
export function EndNoticeButton({ onConfirm }: { onConfirm: () => Promise<void> }) {
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
        <Button size="compact-sm" variant="light" color="orange" leftSection={<IconPlayerStop size={14} aria-hidden />} onClick={() => setOpened((o) => !o)} data-testid="notice-end">
          {t("routingAdmin.notices.end")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={300}>
        <Text size="sm" mb="xs">
          {t("routingAdmin.notices.endConfirm")}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t("common.cancel")}
          </Button>
          <Button size="xs" color="orange" loading={busy} onClick={() => void confirm()} data-testid="notice-end-confirm">
            {t("routingAdmin.notices.end")}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
