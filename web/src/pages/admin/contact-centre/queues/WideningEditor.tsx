import { RELAXABLE, type Relaxable } from "@bailanys/common/contacts";
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
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
  const update = (index: number, patch: Partial<WideningStep>) => onChange(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("routingAdmin.widening.hint")}
      </Text>
      {steps.length === 0 && <Text size="sm">{t("routingAdmin.widening.none")}</Text>}
      {steps.map((step, i) => (
        <Group key={i} align="flex-start" wrap="nowrap" data-testid="widening-row">
          <NumberInput
            label={i === 0 ? t("routingAdmin.widening.after") : undefined}
            aria-label={`${t("routingAdmin.widening.after")} (${i + 1})`}
            value={shown(step.after)}
            onChange={(v) => update(i, { after: numberFrom(v) })}
            min={1}
            max={86400}
            allowDecimal={false}
            error={errors[`widening.${i}.after`]}
            w={160}
          />
          <Select
            label={i === 0 ? t("routingAdmin.widening.relax") : undefined}
            aria-label={`${t("routingAdmin.widening.relax")} (${i + 1})`}
            data={relaxOptions}
            value={step.relax}
            onChange={(v) => isRelaxable(v) && update(i, { relax: v })}
            allowDeselect={false}
            error={errors[`widening.${i}.relax`]}
            w={220}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={i === 0 ? 28 : 4}
            aria-label={t("routingAdmin.widening.remove", { n: i + 1 })}
            onClick={() => onChange(steps.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {errors.widening && (
        <Text size="sm" c="red">
          {errors.widening}
        </Text>
      )}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={steps.length >= MAX_STEPS} onClick={() => onChange([...steps, nextWideningStep(steps)])}>
          {t("routingAdmin.widening.add")}
        </Button>
      </Group>
    </Stack>
  );
}
