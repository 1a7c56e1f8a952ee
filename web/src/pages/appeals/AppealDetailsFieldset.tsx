import { APPEAL_FORMS } from "@bailanys/common/api/appeals";
import { Fieldset, Grid, Select, Text, TextInput, Textarea } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "../../i18n/useLocalizedName.ts";
import { almatyNowInput } from "../../lib/almatyInput.ts";
import { useReference } from "../../reference/useReference.ts";
import type { AppealFormErrors, AppealFormValues } from "./appealForm.ts";
import { classifierOptions } from "../../lib/classifierOptions.ts";

interface Props {
  values: AppealFormValues;
  errors: AppealFormErrors;
  onChange: (patch: Partial<AppealFormValues>) => void;
}

function isAppealForm(value: string | null): value is (typeof APPEAL_FORMS)[number] {
  return value !== null && (APPEAL_FORMS as readonly string[]).includes(value);
}

/** What the appeal is: type, category, criticality, language, form, channel, subject, text and reception time. */
export function AppealDetailsFieldset({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const { reference } = useReference();
  const name = useLocalizedName();

  const types = useMemo(() => (reference?.types ?? []).filter((x) => x.active).map((x) => ({ value: x.code, label: name(x) })), [reference, name]);
  const categories = useMemo(() => classifierOptions(reference?.classifier ?? [], name), [reference, name]);
  const depth = useMemo(() => new Map(categories.map((c) => [c.value, c.depth])), [categories]);
  const active = <T extends { active: boolean; code: string; nameKk: string; nameRu: string; nameEn: string }>(rows: T[] | undefined) =>
    (rows ?? []).filter((x) => x.active).map((x) => ({ value: x.code, label: name(x) }));
  const type = reference?.types.find((x) => x.code === values.typeCode);
  const kind = type ? reference?.kinds.find((k) => k.code === type.kindCode) : undefined;

  const chooseCategory = (id: string | null) => {
    const item = reference?.classifier.find((c) => c.id === id);
    const patch: Partial<AppealFormValues> = { categoryId: id };
    // The classifier knows who handles the topic: pre-select it, the operator can still change it.
    if (item?.bodyId) {
      patch.bodyId = item.bodyId;
      patch.unitId = item.unitId;
      patch.positionId = null;
    }
    if (item?.defaultTypeCode && values.typeCode === null) {
      patch.typeCode = item.defaultTypeCode;
    }
    onChange(patch);
  };

  return (
    <Fieldset legend={t("appealForm.legend")}>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Select
            label={t("appeals.type")}
            data={types}
            value={values.typeCode}
            onChange={(value) => onChange({ typeCode: value })}
            error={errors.typeCode}
            searchable
            nothingFoundMessage={t("common.nothingFound")}
            description={
              kind && type
                ? t("appealForm.typeHint", {
                    kind: name(kind),
                    term: type.termUnit === "WD" ? t("dueDate.workingDays", { count: type.term }) : t("dueDate.calendarDays", { count: type.term }),
                  })
                : undefined
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Select
            label={t("appeals.category")}
            data={categories.map(({ value, label }) => ({ value, label }))}
            value={values.categoryId}
            onChange={chooseCategory}
            error={errors.categoryId}
            searchable
            clearable
            nothingFoundMessage={t("common.nothingFound")}
            renderOption={({ option }) => <Text size="sm" pl={(depth.get(option.value) ?? 0) * 16}>{option.label}</Text>}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label={t("appeals.criticality")}
            data={active(reference?.criticality)}
            value={values.criticalityCode}
            onChange={(value) => onChange({ criticalityCode: value })}
            error={errors.criticalityCode}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label={t("appeals.language")}
            data={active(reference?.languages)}
            value={values.languageCode}
            onChange={(value) => onChange({ languageCode: value })}
            error={errors.languageCode}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label={t("appeals.form")}
            data={APPEAL_FORMS.map((f) => ({ value: f, label: t(`appealFormKind.${f}`) }))}
            value={values.form}
            onChange={(value) => {
              if (isAppealForm(value)) {
                onChange({ form: value });
              }
            }}
            error={errors.form}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label={t("appeals.channel")}
            data={active(reference?.channels)}
            value={values.channelCode}
            onChange={(value) => onChange({ channelCode: value })}
            error={errors.channelCode}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label={t("appeals.subject")} value={values.subject} onChange={(e) => onChange({ subject: e.currentTarget.value })} error={errors.subject} maxLength={300} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea
            label={t("appeals.text")}
            value={values.text}
            onChange={(e) => onChange({ text: e.currentTarget.value })}
            error={errors.text}
            autosize
            minRows={5}
            maxRows={16}
            maxLength={20000}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateTimePicker
            label={t("appeals.receivedAt")}
            description={t("appealForm.almatyTime")}
            value={values.receivedAt}
            onChange={(value) => onChange({ receivedAt: value })}
            error={errors.receivedAt}
            valueFormat="DD.MM.YYYY HH:mm"
            maxDate={almatyNowInput()}
            withSeconds={false}
          />
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}
