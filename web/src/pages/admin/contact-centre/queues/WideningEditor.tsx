import { RELAXABLE, type Relaxable } from "@bailanys/common/contacts";
import { NumberInput, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EditableRows } from "../shared/EditableRows.tsx";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { numberFrom, shown } from "../shared/numbers.ts";
import { nextWideningStep, type WideningStep } from "./widening.ts";

const MAX_STEPS = 10;
const RELAX_KEYS = { level: "routingAdmin.widening.relaxLevel", topic: "routingAdmin.widening.relaxTopic", language: "routingAdmin.widening.relaxLanguage" } as const;
const isRelaxable = (value: string | null): value is Relaxable => value !== null && (RELAXABLE as readonly string[]).includes(value);

interface Props {
  steps: WideningStep[];
  errors: FieldMessages;
  onChange: (steps: WideningStep[]) => void;
}

/** The widening steps as editable rows: after so many seconds of waiting, relax one requirement. */
export function WideningEditor({ steps, errors, onChange }: Props) {
  const { t } = useTranslation();
  const relaxOptions = RELAXABLE.map((r) => ({ value: r, label: t(RELAX_KEYS[r]) }));

  return (
    <EditableRows
      rows={steps}
      onChange={onChange}
      hint={t("routingAdmin.widening.hint")}
      none={t("routingAdmin.widening.none")}
      rowTestId="widening-row"
      removeLabel={(n) => t("routingAdmin.widening.remove", { n })}
      error={errors.widening}
      addLabel={t("routingAdmin.widening.add")}
      next={steps.length >= MAX_STEPS ? null : nextWideningStep(steps)}
    >
      {(step, { index: i, update, labels }) => (
        <>
          <NumberInput
            {...labels(t("routingAdmin.widening.after"))}
            value={shown(step.after)}
            onChange={(v) => update({ after: numberFrom(v) })}
            min={1}
            max={86400}
            allowDecimal={false}
            error={errors[`widening.${i}.after`]}
            w={160}
          />
          <Select
            {...labels(t("routingAdmin.widening.relax"))}
            data={relaxOptions}
            value={step.relax}
            onChange={(v) => isRelaxable(v) && update({ relax: v })}
            allowDeselect={false}
            error={errors[`widening.${i}.relax`]}
            w={220}
          />
        </>
      )}
    </EditableRows>
  );
}
