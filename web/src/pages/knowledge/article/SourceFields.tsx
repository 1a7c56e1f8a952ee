import { Fieldset, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useTranslation } from "react-i18next";
import type { FieldMessages } from "../../admin/contact-centre/shared/fieldErrors.ts";
import { parseDayMonthYear } from "./dayMonthYear.ts";
import type { DraftForm } from "./draftForm.ts";

interface Props {
  form: DraftForm;
  errors: FieldMessages;
  change: (patch: Partial<DraftForm>) => void;
  readOnly: boolean;
}

/** The official source a version rests on (required to submit) and the dates it is valid from and reviewed by. */
export function SourceFields({ form, errors, change, readOnly }: Props) {
  const { t } = useTranslation();
  // Typeable as DD.MM.YYYY (quicker than a calendar, and usable by keyboard and screen reader); the calendar still opens.
  const date = (label: string, value: string | null, onChange: (v: string | null) => void, error: string | undefined, testId: string, description?: string, required = false) => (
    <DateInput
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      valueFormat="DD.MM.YYYY"
      dateParser={parseDayMonthYear}
      placeholder={t("kbEditor.draft.datePlaceholder")}
      clearable
      error={error}
      readOnly={readOnly}
      withAsterisk={required}
      data-testid={testId}
    />
  );
  return (
    <>
      <Fieldset legend={t("kbEditor.source.legend")} data-testid="kb-source">
        <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("kbEditor.source.title")} description={t("kbEditor.source.titleHint")} value={form.sourceTitle} onChange={(e) => change({ sourceTitle: e.currentTarget.value })} error={errors.sourceTitle} data-testid="kb-source-title" maxLength={500} readOnly={readOnly} withAsterisk />
          <TextInput
            label={t("kbEditor.source.reference")}
            description={t("kbEditor.source.referenceHint")}
            value={form.sourceReference}
            onChange={(e) => change({ sourceReference: e.currentTarget.value })}
            error={errors.sourceReference}
            data-testid="kb-source-reference"
            maxLength={1000}
            readOnly={readOnly}
            withAsterisk
          />
        </SimpleGrid>
        {date(t("kbEditor.source.date"), form.sourceDate, (v) => change({ sourceDate: v }), errors.sourceDate, "kb-source-date")}
        </Stack>
      </Fieldset>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {date(t("kbEditor.draft.validFrom"), form.validFrom, (v) => change({ validFrom: v }), errors.validFrom, "kb-valid-from")}
        {date(t("kbEditor.draft.reviewBy"), form.reviewBy, (v) => change({ reviewBy: v }), errors.reviewBy, "kb-review-by", t("kbEditor.draft.reviewByHint"), true)}
      </SimpleGrid>
    </>
  );
}
