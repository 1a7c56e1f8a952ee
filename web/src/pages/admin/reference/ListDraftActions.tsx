import { Button, Group } from "@mantine/core";
import { IconDeviceFloppy, IconPlus, IconRestore } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

interface Props {
  addLabel: string;
  onAdd: () => void;
  addDisabled?: boolean;
  /** Whether the draft differs from the saved list; reset and save do nothing otherwise. */
  changed: boolean;
  busy: boolean;
  onReset: () => void;
  onSave: () => Promise<void>;
}

/** Under a list edited as a whole: add a row on the left, reset and save the draft on the right. */
export function ListDraftActions({ addLabel, onAdd, addDisabled = false, changed, busy, onReset, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} disabled={addDisabled} onClick={onAdd}>
        {addLabel}
      </Button>
      <Group>
        <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} disabled={!changed} onClick={onReset}>
          {t("common.reset")}
        </Button>
        <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} disabled={!changed} loading={busy} onClick={() => void onSave()}>
          {t("common.save")}
        </Button>
      </Group>
    </Group>
  );
}
