import { KB_AUDIENCES, type ArticleDto } from "@bailanys/common/api/kb";
import { LOCALES, isLocale } from "@bailanys/common/locales";
import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { FormModal } from "../../../components/FormModal.tsx";
import { useSave } from "../../../hooks/useSave.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { messagesOf, type FieldMessages } from "../../admin/contact-centre/shared/fieldErrors.ts";
import { useCategories } from "../useCategories.ts";
import { NEW_ARTICLE_FIELDS, newArticleBody, suggestCode, validateNewArticle, type NewArticleForm } from "./newArticle.ts";

interface Props {
  /** A title to start from (an unanswered search from the gap list). */
  title: string;
  onClose: () => void;
  onCreated: (article: ArticleDto) => void;
}

/** Start an article: its code, the first language and title, audience and category; the text is written on its page. */
export function NewArticleModal({ title, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { options } = useCategories();
  const { busy, save } = useSave();
  const [form, setForm] = useState<NewArticleForm>({ code: suggestCode(title), locale, title, audience: "public", categoryId: null });
  const [errors, setErrors] = useState<FieldMessages>({});
  const change = (patch: Partial<NewArticleForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    const found = validateNewArticle(form);
    setErrors(messagesOf(found, locale));
    if (Object.keys(found).length > 0) {
      return;
    }
    const result: { article: ArticleDto | null } = { article: null };
    const placed = await save(async () => {
      result.article = await api<ArticleDto>("/kb/articles", { method: "POST", json: newArticleBody(form) });
    }, NEW_ARTICLE_FIELDS);
    setErrors(placed ?? {});
    if (result.article !== null) {
      onCreated(result.article);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={t("kbEditor.list.newTitle")} size="lg" onSubmit={submit} busy={busy} submitLabel={t("kbEditor.list.create")} testId="kb-new">
      <TextInput label={t("kbEditor.draft.title")} value={form.title} onChange={(e) => change({ title: e.currentTarget.value })} error={errors["draft.title"]} maxLength={300} required data-autofocus data-testid="kb-new-title" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("kbEditor.meta.code")} description={t("kbEditor.meta.codeHint")} value={form.code} onChange={(e) => change({ code: e.currentTarget.value })} error={errors.code} maxLength={80} required data-testid="kb-new-code" />
        <Select
          label={t("kbEditor.list.firstLanguage")}
          data={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
          value={form.locale}
          onChange={(v) => v && isLocale(v) && change({ locale: v })}
          allowDeselect={false}
        />
        <Select
          label={t("kbEditor.meta.audience")}
          data={KB_AUDIENCES.map((a) => ({ value: a, label: t(`kbEditor.audience.${a}`) }))}
          value={form.audience}
          onChange={(v) => (v === "public" || v === "internal") && change({ audience: v })}
          allowDeselect={false}
        />
        <Select label={t("kbEditor.meta.category")} data={options} value={form.categoryId} onChange={(v) => change({ categoryId: v })} searchable clearable error={errors.categoryId} nothingFoundMessage={t("common.nothingFound")} />
      </SimpleGrid>
    </FormModal>
  );
}
