import type { NoticeAdminDto } from "@bailanys/common/api/contacts";
import { MultiSelect, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { useSave } from "../../../../hooks/useSave.ts";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import { almatyToday } from "../../../../lib/almatyInput.ts";
import { useReference } from "../../../../reference/useReference.ts";
import { AdminFormModal } from "../shared/AdminFormModal.tsx";
import { messagesOf, type FieldMessages } from "../shared/fieldErrors.ts";
import { emptyNoticeForm, NOTICE_FIELDS, noticeBody, validateNoticeForm, type NoticeForm } from "./noticeForm.ts";

const LANGUAGES = [
  { message: "messageKk", alternatives: "alternativesKk" },
  { message: "messageRu", alternatives: "alternativesRu" },
  { message: "messageEn", alternatives: "alternativesEn" },
] as const;

interface Props {
  onClose: () => void;
  /** Called with the announced notice; the dialog closes itself afterwards. */
  onSaved: (notice: NoticeAdminDto) => void;
}

/** Announce an interruption: which channels, what citizens read in each language, from when and until when. */
export function NoticeModal({ onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useLocalizedName();
  const { reference } = useReference();
  const [form, setForm] = useState<NoticeForm>(emptyNoticeForm);
  const [errors, setErrors] = useState<FieldMessages>({});
  const { busy, save } = useSave();

  // A notice may concern any channel citizens use, not only the routed ones.
  const channels = (reference?.channels ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: name(c) }));
  const change = (patch: Partial<NoticeForm>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async () => {
    const found = validateNoticeForm(form);
    setErrors(messagesOf(found, locale));
    if (Object.keys(found).length > 0) {
      return;
    }
    const body = noticeBody(form);
    const placed = await save(async () => onSaved(await api<NoticeAdminDto>("/notices", { method: "POST", json: body })), NOTICE_FIELDS, t("routingAdmin.notices.announced"));
    if (placed === null) {
      onClose();
    } else {
      setErrors(placed);
    }
  };

  return (
    <AdminFormModal
      onClose={onClose}
      title={t("routingAdmin.notices.newTitle")}
      size="xl"
      onSubmit={submit}
      busy={busy}
      submitLabel={t("routingAdmin.notices.submit")}
      formTestId="notice-form"
      submitTestId="notice-submit"
    >
      <MultiSelect
        label={t("routingAdmin.notices.channels")}
        description={t("routingAdmin.notices.channelsHint")}
        placeholder={form.channels.length === 0 ? t("routingAdmin.notices.allChannels") : undefined}
        data={channels}
        value={form.channels}
        onChange={(value) => change({ channels: value })}
        clearable
        error={errors.channels}
      />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {LANGUAGES.map(({ message, alternatives }) => (
          <Stack key={message} gap="xs">
            <Textarea label={t(`routingAdmin.notices.${message}`)} value={form[message]} onChange={(e) => change({ [message]: e.currentTarget.value })} error={errors[message]} autosize minRows={3} maxRows={8} maxLength={1000} />
            <Textarea
              label={t(`routingAdmin.notices.${alternatives}`)}
              value={form[alternatives]}
              onChange={(e) => change({ [alternatives]: e.currentTarget.value })}
              error={errors[alternatives]}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={1000}
            />
          </Stack>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        {t("routingAdmin.notices.alternativesHint")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateTimePicker
          label={t("routingAdmin.notices.startsAt")}
          description={t("routingAdmin.notices.startsAtHint")}
          value={form.startsAt}
          onChange={(value) => change({ startsAt: value })}
          valueFormat="DD.MM.YYYY HH:mm"
          minDate={almatyToday()}
          clearable
          error={errors.startsAt}
        />
        <DateTimePicker
          label={t("routingAdmin.notices.resumeAt")}
          description={t("routingAdmin.notices.resumeAtHint")}
          value={form.resumeAt}
          onChange={(value) => change({ resumeAt: value })}
          valueFormat="DD.MM.YYYY HH:mm"
          minDate={almatyToday()}
          clearable
          error={errors.resumeAt}
        />
      </SimpleGrid>
    </AdminFormModal>
  );
}
