import type { NoticeAdminDto } from "@bailanys/common/api/contacts";
import { MultiSelect, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { FormModal } from "../../../../components/FormModal.tsx";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import { almatyToday } from "../../../../lib/almatyInput.ts";
import { useReference } from "../../../../reference/useReference.ts";
import { useAdminForm } from "../shared/useAdminForm.ts";
import { emptyNoticeForm, NOTICE_FIELDS, noticeBody, validateNoticeForm } from "./noticeForm.ts";

const LANGUAGES = [
  { message: "messageKk", alternatives: "alternativesKk" },
  { message: "messageRu", alternatives: "alternativesRu" },
  { message: "messageEn", alternatives: "alternativesEn" },
] as const;
const TIMES = ["startsAt", "resumeAt"] as const;

interface Props {
  onClose: () => void;
  /** Called with the announced notice; the dialog closes itself afterwards. */
  onSaved: (notice: NoticeAdminDto) => void;
}

/** Announce an interruption: which channels, what citizens read in each language, from when and until when. */
export function NoticeModal({ onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const name = useLocalizedName();
  const { reference } = useReference();
  const { form, change, errors, busy, submit } = useAdminForm({
    initial: emptyNoticeForm,
    validate: validateNoticeForm,
    fields: () => NOTICE_FIELDS,
    send: async (form) => onSaved(await api<NoticeAdminDto>("/notices", { method: "POST", json: noticeBody(form) })),
    onDone: onClose,
    success: t("routingAdmin.notices.announced"),
  });

  // A notice may concern any channel citizens use, not only the routed ones.
  const channels = (reference?.channels ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: name(c) }));

  return (
    <FormModal
      opened
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
        {TIMES.map((time) => (
          <DateTimePicker
            key={time}
            label={t(`routingAdmin.notices.${time}`)}
            description={t(`routingAdmin.notices.${time}Hint`)}
            value={form[time]}
            onChange={(value) => change({ [time]: value })}
            valueFormat="DD.MM.YYYY HH:mm"
            minDate={almatyToday()}
            clearable
            error={errors[time]}
          />
        ))}
      </SimpleGrid>
    </FormModal>
  );
}
