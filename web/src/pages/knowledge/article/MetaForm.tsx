import { KB_AUDIENCES, type ArticleDto, type ArticleMetaBody } from "@bailanys/common/api/kb";
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TagsInput, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useSave } from "../../../hooks/useSave.ts";
import type { FieldMessages } from "../../admin/contact-centre/shared/fieldErrors.ts";
import { withPlacedFields } from "../../admin/contact-centre/shared/withPlacedFields.ts";
import { useCategories } from "../useCategories.ts";
import { useMetaOptions } from "./useMetaOptions.ts";

const META_FIELDS = ["categoryId", "audience", "tags", "relatedIds", "officeIds"] as const;

interface Props {
  article: ArticleDto;
  canWrite: boolean;
  onSaved: (article: ArticleDto) => void;
}

/** What the article is about and links to: category, audience, tags, related articles, offices. The code is fixed. */
export function MetaForm({ article, canWrite, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useCategories();
  const { related, offices } = useMetaOptions(article.id);
  const { busy, save } = useSave();
  const [form, setForm] = useState<Required<ArticleMetaBody>>({ categoryId: article.categoryId, audience: article.audience, tags: article.tags, relatedIds: article.relatedIds, officeIds: article.officeIds });
  const [errors, setErrors] = useState<FieldMessages>({});
  const change = (patch: Partial<ArticleMetaBody>) => setForm((f) => ({ ...f, ...patch }));
  const readOnly = !canWrite;

  const submit = async () => {
    const placed = await save(() => withPlacedFields(async () => onSaved(await api<ArticleDto>(`/kb/articles/${article.id}`, { method: "PUT", json: form })), META_FIELDS), META_FIELDS);
    setErrors(placed ?? {});
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="kb-meta"
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("kbEditor.meta.code")} value={article.code} readOnly description={t("kbEditor.meta.codeFixed")} styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }} />
          <Select label={t("kbEditor.meta.category")} data={options} value={form.categoryId} onChange={(v) => change({ categoryId: v })} searchable clearable error={errors.categoryId} readOnly={readOnly} nothingFoundMessage={t("common.nothingFound")} />
          <Select
            label={t("kbEditor.meta.audience")}
            description={t("kbEditor.meta.audienceHint")}
            data={KB_AUDIENCES.map((a) => ({ value: a, label: t(`kbEditor.audience.${a}`) }))}
            value={form.audience}
            onChange={(v) => (v === "public" || v === "internal") && change({ audience: v })}
            allowDeselect={false}
            readOnly={readOnly}
          />
        </SimpleGrid>
        <TagsInput label={t("kbEditor.meta.tags")} description={t("kbEditor.meta.tagsHint")} value={form.tags} onChange={(tags) => change({ tags })} maxTags={30} error={errors.tags} readOnly={readOnly} clearable />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect label={t("kbEditor.meta.related")} data={related} value={form.relatedIds} onChange={(relatedIds) => change({ relatedIds })} searchable error={errors.relatedIds} readOnly={readOnly} nothingFoundMessage={t("common.nothingFound")} maxValues={30} />
          <MultiSelect label={t("kbEditor.meta.offices")} data={offices} value={form.officeIds} onChange={(officeIds) => change({ officeIds })} searchable error={errors.officeIds} readOnly={readOnly} nothingFoundMessage={t("common.nothingFound")} />
        </SimpleGrid>
        {canWrite && (
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="kb-meta-save">
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
