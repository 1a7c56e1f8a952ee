import { isPlausibleEmail } from "@bailanys/common/contact-details";
import { Button, Group, Text, TextInput } from "@mantine/core";
import { IconMail } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import type { ChatSession } from "./useChatSession.ts";

/** "Send me the transcript": the server mails the messages of this chat to the address given. */
export function ChatTranscript({ session }: { session: ChatSession }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [email, setEmail] = useState(session.details.email);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (!isPlausibleEmail(address)) {
      setError(errorText("EMAIL_INVALID", locale));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await session.sendTranscript(address);
      setSentTo(address);
    } catch (failure) {
      setError(failure instanceof ApiError ? (failure.fields[0]?.message ?? failure.message) : t("errors.unexpected"));
    } finally {
      setBusy(false);
    }
  };

  if (sentTo !== null) {
    return (
      <Text size="sm" role="status" data-testid="chat-transcript-sent">
        {t("chat.transcript.sent", { email: sentTo })}
      </Text>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="chat-transcript">
      <Text size="sm" fw={600} mb={4}>
        {t("chat.transcript.title")}
      </Text>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          flex={1}
          miw={0}
          aria-label={t("chat.transcript.email")}
          placeholder="name@example.kz"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={error}
          maxLength={200}
          data-testid="chat-transcript-email"
        />
        <Button type="submit" variant="default" loading={busy} leftSection={<IconMail size={16} aria-hidden />} data-testid="chat-transcript-submit">
          {t("chat.transcript.submit")}
        </Button>
      </Group>
    </form>
  );
}
