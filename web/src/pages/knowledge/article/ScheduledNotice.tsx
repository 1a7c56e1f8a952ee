import type { VersionDto } from "@bailanys/common/api/kb";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconArrowBackUp, IconCalendarTime } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useSave } from "../../../hooks/useSave.ts";
import { formatDate } from "../../../lib/formatDateTime.ts";
import { useSession } from "../../../session/useSession.ts";

/** An approved version waiting for its valid-from date; taking it back makes it a draft again (it needs approving anew). */
export function ScheduledNotice({ version, onChanged }: { version: VersionDto; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { busy, save } = useSave();
  const withdraw = async () => {
    if ((await save(() => api<VersionDto>(`/kb/versions/${version.id}/withdraw`, { method: "POST" }), [], t("kbEditor.review.withdrawn"))) === null) {
      onChanged();
    }
  };
  return (
    <Alert color="violet" icon={<IconCalendarTime aria-hidden />} title={t("kbEditor.scheduled.title", { number: version.number, date: formatDate(version.validFrom ?? "") })} data-testid="kb-scheduled">
      <Stack gap="sm">
        <Text size="sm">{t("kbEditor.scheduled.body", { reviewer: version.reviewer?.fullName ?? "" })}</Text>
        {can("kb.write") && (
          <Group justify="flex-end">
            <Button variant="default" loading={busy} leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => void withdraw()} data-testid="kb-withdraw-scheduled">
              {t("kbEditor.review.withdraw")}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
