import { SURVEY_RATINGS } from "@bailanys/common/contacts";
import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea } from "@mantine/core";
import { IconHeartHandshake } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/notifyError.ts";
import type { ChatSession } from "./useChatSession.ts";

/** The post-chat survey: satisfaction 1–5, solved or not, an optional comment; once per chat. */
export function ChatSurvey({ session, given }: { session: ChatSession; given: boolean }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<string | null>(null);
  const [solved, setSolved] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<{ rating?: string; solved?: string }>({});
  const [busy, setBusy] = useState(false);

  if (given) {
    return (
      <Alert color="teal" icon={<IconHeartHandshake aria-hidden />} role="status" data-testid="chat-survey-thanks" styles={{ message: { color: "var(--mantine-color-black)" } }}>
        {t("chat.survey.thanks")}
      </Alert>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { rating: rating === null ? t("chat.survey.pickRating") : undefined, solved: solved === null ? t("chat.survey.pickSolved") : undefined };
    setErrors(found);
    if (rating === null || solved === null) {
      return;
    }
    setBusy(true);
    try {
      await session.submitSurvey({ rating: Number(rating), solved: solved === "yes", comment: comment.trim() || undefined });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="chat-survey">
        <Stack gap="sm">
          <Text fw={600}>{t("chat.survey.title")}</Text>
          <Radio.Group label={t("chat.survey.rating")} description={t("chat.survey.ratingHint")} value={rating} onChange={setRating} error={errors.rating} withAsterisk>
            <Group gap="md" mt={6}>
              {SURVEY_RATINGS.map((value) => (
                <Radio
                  key={value}
                  value={String(value)}
                  label={String(value)}
                  aria-label={t("chat.survey.ratingLabel", { value })}
                  size="md"
                  data-testid={`chat-survey-rating-${value}`}
                />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group label={t("chat.survey.solved")} value={solved} onChange={setSolved} error={errors.solved} withAsterisk>
            <Group gap="lg" mt={6}>
              <Radio value="yes" label={t("common.yes")} size="md" data-testid="chat-survey-solved-yes" />
              <Radio value="no" label={t("common.no")} size="md" data-testid="chat-survey-solved-no" />
            </Group>
          </Radio.Group>
          <Textarea label={t("chat.survey.comment")} autosize minRows={2} maxRows={6} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
          <Button type="submit" loading={busy} data-testid="chat-survey-submit" style={{ alignSelf: "flex-start" }}>
            {t("chat.survey.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
