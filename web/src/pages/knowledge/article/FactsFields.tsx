import { SimpleGrid, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldMessages } from "../../admin/contact-centre/shared/fieldErrors.ts";
import type { DraftForm } from "./draftForm.ts";

interface Props {
  form: DraftForm;
  errors: FieldMessages;
  change: (patch: Partial<DraftForm>) => void;
  readOnly: boolean;
}

/** The facts an operator sends one at a time: what the service is, the documents, the fee, the term. */
export function FactsFields({ form, errors, change, readOnly }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea label={t("kbEditor.facts.description")} value={form.description} onChange={(e) => change({ description: e.currentTarget.value })} error={errors["facts.description"]} autosize minRows={2} maxLength={4000} readOnly={readOnly} />
      <Textarea
        label={t("kbEditor.facts.documents")}
        description={t("kbEditor.facts.documentsHint")}
        value={form.documents}
        onChange={(e) => change({ documents: e.currentTarget.value })}
        error={errors["facts.documents"]}
        autosize
        minRows={3}
        readOnly={readOnly}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea label={t("kbEditor.facts.fee")} value={form.fee} onChange={(e) => change({ fee: e.currentTarget.value })} error={errors["facts.fee"]} autosize maxLength={1000} readOnly={readOnly} />
        <Textarea label={t("kbEditor.facts.term")} value={form.term} onChange={(e) => change({ term: e.currentTarget.value })} error={errors["facts.term"]} autosize maxLength={1000} readOnly={readOnly} />
      </SimpleGrid>
    </>
  );
}
