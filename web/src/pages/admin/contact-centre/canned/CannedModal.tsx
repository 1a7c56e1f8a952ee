import type { CannedReplyBody, CannedReplyDto } from "@bailanys/common/api/routing-admin";
import { LOCALES } from "@bailanys/common/locales";
import { NumberInput, Select, SimpleGrid, Switch, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { FormModal } from "../../../../components/FormModal.tsx";
import { numberFrom, shown } from "../shared/numbers.ts";
import { useAdminForm } from "../shared/useAdminForm.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import { CANNED_FIELDS, cannedBody, cannedToForm, validateCanned } from "./cannedForm.ts";

interface Props {
  reply: CannedReplyDto | null;
  /** The language the list shows, for a new reply. */
  language: string;
  /** Every reply, to place a new one after the last of its language. */
  replies: CannedReplyDto[];
  onClose: () => void;
  /** Called with the saved reply; the dialog closes itself afterwards. */
  onSaved: (reply: CannedReplyDto) => void;
}

/** Write or change a canned reply: its language, a short title operators pick it by, the text, an optional topic. */
export function CannedModal({ reply, language, replies, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { topics, renderTopic } = useRoutingOptions();
  const { form, change, errors, busy, submit } = useAdminForm<CannedReplyBody>({
    initial: () => cannedToForm(reply, language, replies),
    validate: validateCanned,
    fields: () => CANNED_FIELDS,
    send: async (form) =>
      onSaved(await api<CannedReplyDto>(reply ? `/routing/canned-replies/${reply.id}` : "/routing/canned-replies", { method: reply ? "PUT" : "POST", json: cannedBody(form) })),
    onDone: onClose,
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={reply ? t("routingAdmin.canned.editTitle", { title: reply.title }) : t("routingAdmin.canned.newTitle")}
      size="lg"
      onSubmit={submit}
      busy={busy}
      formTestId="canned-form"
      submitTestId="canned-submit"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("routingAdmin.canned.language")}
          data={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
          value={form.language}
          onChange={(v) => v && change({ language: v })}
          allowDeselect={false}
          error={errors.language}
        />
        <TextInput label={t("routingAdmin.canned.title")} value={form.title} onChange={(e) => change({ title: e.currentTarget.value })} error={errors.title} maxLength={200} />
      </SimpleGrid>
      <Textarea label={t("routingAdmin.canned.body")} value={form.body} onChange={(e) => change({ body: e.currentTarget.value })} error={errors.body} autosize minRows={4} maxRows={12} maxLength={4000} />
      <Select
        label={t("routingAdmin.canned.topic")}
        placeholder={t("routingAdmin.canned.topicAny")}
        data={topics}
        value={form.topicId}
        onChange={(v) => change({ topicId: v })}
        renderOption={renderTopic}
        searchable
        clearable
        nothingFoundMessage={t("common.nothingFound")}
        error={errors.topicId}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t("routingAdmin.canned.sort")} value={shown(form.sort)} onChange={(v) => change({ sort: numberFrom(v) })} min={0} max={10000} allowDecimal={false} error={errors.sort} />
        <Switch mt={{ base: 0, sm: "xl" }} label={t("common.active")} checked={form.active} onChange={(e) => change({ active: e.currentTarget.checked })} />
      </SimpleGrid>
    </FormModal>
  );
}
