import { Button, Group } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDeleteButton } from "./ConfirmDeleteButton.tsx";

interface Props {
  onEdit: () => void;
  onDelete: () => Promise<void> | void;
  /** What is being deleted, read out in the confirmation. */
  what: string;
  /** Further row actions, placed before Edit. */
  children?: ReactNode;
}

/** A table row's Edit and Delete (with its confirmation). */
export function EditDeleteButtons({ onEdit, onDelete, what, children }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {children}
      <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
        {t("common.edit")}
      </Button>
      <ConfirmDeleteButton what={what} onConfirm={onDelete} />
    </Group>
  );
}
