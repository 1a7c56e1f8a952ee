import type { AppealDto } from "@bailanys/common/api/appeals";
import { Alert, Text } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/formatDateTime.ts";

/** The receipt to read out or hand over right after registration: number, date and time, who received it. */
export function ReceiptAlert({ card, onClose }: { card: AppealDto; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" icon={<IconReceipt aria-hidden />} title={t("receipt.title")} withCloseButton closeButtonLabel={t("common.close")} onClose={onClose} data-testid="appeal-receipt">
      <Text size="sm">
        {t("receipt.number")}: <b>{card.number}</b>
      </Text>
      <Text size="sm">
        {t("receipt.registeredAt")}: <b>{formatDateTime(card.registeredAt)}</b>
      </Text>
      <Text size="sm">
        {t("receipt.receivedBy")}: <b>{card.receivedBy ?? "—"}</b>
      </Text>
      <Text size="sm">
        {t("appeals.dueAt")}: <b>{formatDateTime(card.dueAt)}</b>
      </Text>
    </Alert>
  );
}
