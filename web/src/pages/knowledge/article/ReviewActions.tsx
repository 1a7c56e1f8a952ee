import type { VersionDto } from "@bailanys/common/api/kb";
import { localDateAt } from "@bailanys/common/calendar";
import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { IconArrowBackUp, IconCheck, IconEye, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useSave } from "../../../hooks/useSave.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { errorText } from "../../../lib/errorText.ts";
import { formatDate, formatDateTime } from "../../../lib/formatDateTime.ts";
import { useSession } from "../../../session/useSession.ts";

interface Props {
  version: VersionDto;
  onChanged: () => void;
}

/** A version under review: its author may take it back; another approver publishes it or sends it back with a comment. */
export function ReviewActions({ version, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me, can } = useSession();
  const { busy, save } = useSave();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | undefined>();
  const own = me?.id === version.author.id;
  // A version valid from a later date is approved now and published by the server on that date.
  const scheduled = version.validFrom !== null && version.validFrom > localDateAt(new Date());

  const act = async (action: "approve" | "reject" | "withdraw", success: string) => {
    if (action === "reject" && comment.trim() === "") {
      setError(errorText("FIELD_REQUIRED", locale));
      return;
    }
    setError(undefined);
    const json = action === "withdraw" ? undefined : { comment: comment.trim() };
    const placed = await save(() => api<VersionDto>(`/kb/versions/${version.id}/${action}`, { method: "POST", json }), ["comment"], success);
    if (placed === null) {
      onChanged();
    } else {
      setError(placed.comment);
    }
  };

  return (
    <Alert color="blue" icon={<IconEye aria-hidden />} title={t("kbEditor.review.title", { number: version.number })} data-testid="kb-review">
      <Stack gap="sm">
        <Text size="sm">{t("kbEditor.review.by", { author: version.author.fullName, at: formatDateTime(version.submittedAt ?? version.updatedAt) })}</Text>
        {can("kb.publish") && (
          <>
            <Textarea label={t("kbEditor.review.comment")} description={t("kbEditor.review.commentHint")} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={error} autosize minRows={2} maxLength={2000} />
            {own && (
              <Text size="sm" c="orange.9" id={`own-${version.id}`}>
                {t("kbEditor.review.own")}
              </Text>
            )}
          </>
        )}
        <Group justify="flex-end">
          {can("kb.write") && (
            <Button variant="default" loading={busy} leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => void act("withdraw", t("kbEditor.review.withdrawn"))} data-testid="kb-withdraw">
              {t("kbEditor.review.withdraw")}
            </Button>
          )}
          {can("kb.publish") && (
            <>
              <Button color="red" variant="light" loading={busy} leftSection={<IconX size={16} aria-hidden />} onClick={() => void act("reject", t("kbEditor.review.rejected"))} data-testid="kb-reject">
                {t("kbEditor.review.reject")}
              </Button>
              <Button
                color="teal"
                loading={busy}
                disabled={own}
                aria-describedby={own ? `own-${version.id}` : undefined}
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={() => void act("approve", scheduled ? t("kbEditor.review.scheduledOn", { date: formatDate(version.validFrom ?? "") }) : t("kbEditor.review.approved"))}
                data-testid="kb-approve"
              >
                {t("kbEditor.review.approve")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
