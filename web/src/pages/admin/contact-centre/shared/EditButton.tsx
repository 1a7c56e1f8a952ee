import { Button } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

interface Props {
  /** What the row is, read out with "Edit". */
  what: string;
  onClick: () => void;
  testId?: string;
}

/** A row's Edit button, named after its row for screen readers. */
export function EditButton({ what, onClick, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={onClick} data-testid={testId} aria-label={`${t("common.edit")}: ${what}`}>
      {t("common.edit")}
    </Button>
  );
}
