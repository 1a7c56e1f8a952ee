import type { Locale } from "@bailanys/common/locales";
import { Button, Group, Stack, TextInput, Textarea } from "@mantine/core";
import { IconDeviceFloppy, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FactsFields } from "./FactsFields.tsx";
import { MarkdownField } from "./MarkdownField.tsx";
import { SourceFields } from "./SourceFields.tsx";
import type { DraftForm } from "./draftForm.ts";
import { useDraftActions } from "./useDraftActions.ts";

interface Props {
  articleId: string;
  locale: Locale;
  /** What the editor starts from: the open draft, else the published text, else blank. */
  initial: DraftForm;
  /** May change the text (kb.write). */
  canWrite: boolean;
  onChanged: () => void;
}

/** A language's draft: title, Markdown body with preview, facts, official source, dates and a change note. */
export function DraftEditor({ articleId, locale, initial, canWrite, onChanged }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DraftForm>(initial);
  const { busy, errors, save, submit } = useDraftActions(articleId, locale, onChanged);
  const change = (patch: Partial<DraftForm>) => setForm((f) => ({ ...f, ...patch }));
  const readOnly = !canWrite;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(form);
      }}
      data-testid={`kb-draft-${locale}`}
      lang={locale}
    >
      <Stack>
        <TextInput label={t("kbEditor.draft.title")} value={form.title} onChange={(e) => change({ title: e.currentTarget.value })} error={errors.title} maxLength={300} readOnly={readOnly} required data-testid="kb-draft-title" />
        <MarkdownField value={form.body} onChange={(body) => change({ body })} error={errors.body} readOnly={readOnly} />
        <FactsFields form={form} errors={errors} change={change} readOnly={readOnly} />
        <SourceFields form={form} errors={errors} change={change} readOnly={readOnly} />
        <Textarea label={t("kbEditor.draft.changeNote")} description={t("kbEditor.draft.changeNoteHint")} value={form.changeNote} onChange={(e) => change({ changeNote: e.currentTarget.value })} error={errors.changeNote} autosize minRows={2} maxLength={1000} readOnly={readOnly} />
        {canWrite && (
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={busy} leftSection={<IconDeviceFloppy size={16} aria-hidden />} data-testid="kb-save-draft">
              {t("kbEditor.draft.save")}
            </Button>
            <Button loading={busy} leftSection={<IconSend size={16} aria-hidden />} onClick={() => void submit(form)} data-testid="kb-submit">
              {t("kbEditor.draft.submit")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
