import { normalizePhone } from "@bailanys/common/contact-details";
import { Button, Paper, Stack, Text, TextInput } from "@mantine/core";
import { IconPhoneCall } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import type { ChatSession } from "./useChatSession.ts";

/** Offered after a long wait (R13.1): leave a number and give up the place in the chat queue. */
export function CallbackOffer({ session }: { session: ChatSession }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [phone, setPhone] = useState(session.details.phone);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (normalizePhone(phone) === null) {
      setError(errorText("PHONE_INVALID", locale));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await session.requestCallback(phone.trim());
    } catch (failure) {
      setError(failure instanceof ApiError ? (failure.fields[0]?.message ?? failure.message) : t("errors.unexpected"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" data-testid="chat-callback-offer">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t("chat.callback.title")}
          </Text>
          <Text size="sm">{t("chat.callback.text")}</Text>
          <TextInput
            label={t("chat.callback.phone")}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="+7 701 234 5678"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={error}
            maxLength={20}
            data-testid="chat-callback-phone"
          />
          <Button type="submit" size="sm" loading={busy} leftSection={<IconPhoneCall size={16} aria-hidden />} data-testid="chat-callback-submit" style={{ alignSelf: "flex-start" }}>
            {t("chat.callback.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
