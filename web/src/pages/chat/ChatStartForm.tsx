import type { ChatConfig } from "@bailanys/common/api/contacts";
import { isLocale } from "@bailanys/common/locales";
import { Alert, Button, Checkbox, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { IconAlertCircle, IconMessageCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { checkStartForm, defaultLanguage, START_FORM_FIELDS, type StartFormField, type StartFormValues } from "./chatForm.ts";
import { ChatHours } from "./ChatHours.tsx";
import { ChatKbSuggestions } from "./ChatKbSuggestions.tsx";
import type { StartInput } from "./useChatSession.ts";

interface Props {
  config: ChatConfig;
  onStart(input: StartInput): Promise<void>;
  /** The server said the queue has just closed: the page asks for the config again and shows the closed view. */
  onClosed(): void;
}

const isFormField = (field: string): field is StartFormField => (START_FORM_FIELDS as readonly string[]).includes(field);

/** The pre-chat form: who is writing, about what, in which language, and consent to process personal data. */
export function ChatStartForm({ config, onStart, onClosed }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [values, setValues] = useState<StartFormValues>(() => ({
    name: "",
    topicId: null,
    language: defaultLanguage(config.languages, locale),
    phone: "",
    email: "",
    message: "",
    consent: false,
  }));
  const [errors, setErrors] = useState<Partial<Record<StartFormField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof StartFormValues>(key: K, value: StartFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkStartForm(values);
    const found: Partial<Record<StartFormField, string>> = {};
    for (const field of START_FORM_FIELDS) {
      const code = problems[field];
      if (code) {
        found[field] = errorText(code, locale);
      }
    }
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    try {
      await onStart({
        locale,
        language: values.language,
        name: values.name.trim(),
        phone: values.phone.trim() || undefined,
        email: values.email.trim() || undefined,
        topicId: values.topicId ?? undefined,
        consent: values.consent,
        message: values.message.trim() || undefined,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setGeneral(t("errors.unexpected"));
      } else {
        if (error.code === "QUEUE_CLOSED") {
          onClosed();
        }
        const placed: Partial<Record<StartFormField, string>> = {};
        for (const field of error.fields) {
          if (isFormField(field.field)) {
            placed[field.field] ??= field.message;
          }
        }
        setErrors(placed);
        setGeneral(error.fields.every((f) => isFormField(f.field)) && error.fields.length > 0 ? null : error.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="chat-start-form">
      <Stack gap="sm">
        <Text size="sm">{t("chat.form.intro")}</Text>
        <TextInput
          label={t("chat.form.name")}
          required
          value={values.name}
          onChange={(e) => set("name", e.currentTarget.value)}
          error={errors.name}
          autoComplete="name"
          maxLength={200}
          data-testid="chat-name"
        />
        {config.topics.length > 0 && (
          <Select
            label={t("chat.form.topic")}
            placeholder={t("chat.form.topicPlaceholder")}
            data={config.topics.map((topic) => ({ value: topic.id, label: topic.name }))}
            value={values.topicId}
            onChange={(value) => set("topicId", value)}
            error={errors.topicId}
            clearable
            searchable
            nothingFoundMessage={t("common.nothingFound")}
            comboboxProps={{ withinPortal: true }}
            data-testid="chat-topic"
          />
        )}
        {config.languages.length > 1 && (
          <Select
            label={t("chat.form.language")}
            data={config.languages.map((l) => ({ value: l.code, label: l.name }))}
            value={values.language}
            onChange={(value) => set("language", value ?? values.language)}
            error={errors.language}
            allowDeselect={false}
            data-testid="chat-language"
          />
        )}
        <TextInput
          label={t("chat.form.phone")}
          description={t("chat.form.phoneHint")}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={values.phone}
          onChange={(e) => set("phone", e.currentTarget.value)}
          error={errors.phone}
          maxLength={20}
          data-testid="chat-phone"
        />
        <TextInput
          label={t("chat.form.email")}
          description={t("chat.form.emailHint")}
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={(e) => set("email", e.currentTarget.value)}
          error={errors.email}
          maxLength={200}
          data-testid="chat-email"
        />
        <Textarea
          label={t("chat.form.message")}
          placeholder={t("chat.form.messagePlaceholder")}
          autosize
          minRows={3}
          maxRows={8}
          value={values.message}
          onChange={(e) => set("message", e.currentTarget.value)}
          error={errors.message}
          maxLength={config.limits.messageMaxLength}
          data-testid="chat-first-message"
        />
        <ChatKbSuggestions tenant={config.tenant.code} lang={isLocale(values.language) ? values.language : locale} question={values.message} />
        <Checkbox
          label={t("chat.form.consent")}
          checked={values.consent}
          onChange={(e) => set("consent", e.currentTarget.checked)}
          error={errors.consent}
          required
          data-testid="chat-consent"
        />
        {general !== null && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" styles={{ title: { color: "var(--mantine-color-black)" } }}>
            {general}
          </Alert>
        )}
        <Button type="submit" loading={busy} leftSection={<IconMessageCircle size={18} aria-hidden />} data-testid="chat-start">
          {t("chat.form.start")}
        </Button>
        <ChatHours hours={config.hours} />
      </Stack>
    </form>
  );
}
