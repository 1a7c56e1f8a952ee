import { Button, Group, Paper, Text } from "@mantine/core";
import { IconThumbDown, IconThumbUp } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/notifyError.ts";
import { kbPublicApi } from "../../api/kbPublicApi.ts";

interface Props {
  tenant: string;
  articleId: string;
  locale: string;
}

/** "Was this helpful? Yes / No": counted for the editors (R10); asked once per article on this page. */
export function KbFeedback({ tenant, articleId, locale }: Props) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (helpful: boolean) => {
    setBusy(true);
    try {
      await kbPublicApi.feedback(tenant, articleId, helpful, locale);
      setAnswer(helpful);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="kb-feedback-title" data-testid="kb-feedback">
      {answer === null ? (
        <Group justify="space-between" gap="sm">
          <Text fw={600} id="kb-feedback-title">
            {t("kbPortal.feedback.question")}
          </Text>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconThumbUp size={16} aria-hidden />} disabled={busy} onClick={() => void send(true)} data-testid="kb-feedback-yes">
              {t("kbPortal.feedback.yes")}
            </Button>
            <Button variant="default" leftSection={<IconThumbDown size={16} aria-hidden />} disabled={busy} onClick={() => void send(false)} data-testid="kb-feedback-no">
              {t("kbPortal.feedback.no")}
            </Button>
          </Group>
        </Group>
      ) : (
        <Text id="kb-feedback-title" role="status" data-testid="kb-feedback-done">
          {answer ? t("kbPortal.feedback.thanks") : t("kbPortal.feedback.sorry")}
        </Text>
      )}
    </Paper>
  );
}
