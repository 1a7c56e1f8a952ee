import type { QueueDto } from "@bailanys/common/api/routing-admin";
import { NumberInput, Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { numberFrom, numberOrNull, shown } from "../shared/numbers.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import type { QueueForm } from "./queueForm.ts";

interface Props {
  form: QueueForm;
  errors: FieldMessages;
  /** Queues a contact may overflow to (every other queue). */
  others: QueueDto[];
  onChange: (patch: Partial<QueueForm>) => void;
}

// Descriptions go under the inputs, so the inputs of one row line up whatever the length of their hints.
const BELOW: ("label" | "input" | "description" | "error")[] = ["label", "input", "description", "error"];

/** Who gets the queue's contacts and how fast: line, level, priority, times, overflow and callback. */
export function QueueRoutingFields({ form, errors, others, onChange }: Props) {
  const { t } = useTranslation();
  const name = useLocalizedName();
  const { lines } = useRoutingOptions();
  const overflowOptions = others.map((q) => ({ value: q.id, label: q.active ? name(q) : `${name(q)} (${t("common.inactive")})` }));

  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Select label={t("routingAdmin.queues.line")} data={lines} value={String(form.line)} onChange={(v) => onChange({ line: Number(v ?? 1) })} allowDeselect={false} error={errors.line} />
      <NumberInput
        label={t("routingAdmin.queues.minLevel")}
        inputWrapperOrder={BELOW}
        description={t("routingAdmin.queues.minLevelHint")}
        value={shown(form.minLevel)}
        onChange={(v) => onChange({ minLevel: numberFrom(v) })}
        min={1}
        max={5}
        allowDecimal={false}
        error={errors.minLevel}
      />
      <NumberInput
        label={t("routingAdmin.queues.priority")}
        inputWrapperOrder={BELOW}
        description={t("routingAdmin.queues.priorityHint")}
        value={shown(form.priority)}
        onChange={(v) => onChange({ priority: numberFrom(v) })}
        min={-100}
        max={100}
        allowDecimal={false}
        error={errors.priority}
      />
      <NumberInput label={t("routingAdmin.queues.offerTimeout")} value={shown(form.offerTimeoutSeconds)} onChange={(v) => onChange({ offerTimeoutSeconds: numberFrom(v) })} min={5} max={300} allowDecimal={false} error={errors.offerTimeoutSeconds} />
      <NumberInput label={t("routingAdmin.queues.wrapupSeconds")} value={shown(form.wrapupSeconds)} onChange={(v) => onChange({ wrapupSeconds: numberFrom(v) })} min={0} max={3600} allowDecimal={false} error={errors.wrapupSeconds} />
      <NumberInput
        label={t("routingAdmin.queues.serviceLevel")}
        inputWrapperOrder={BELOW}
        description={t("routingAdmin.queues.serviceLevelHint")}
        value={shown(form.serviceLevelSeconds)}
        onChange={(v) => onChange({ serviceLevelSeconds: numberFrom(v) })}
        min={1}
        max={3600}
        allowDecimal={false}
        error={errors.serviceLevelSeconds}
      />
      <Select
        label={t("routingAdmin.queues.overflowQueue")}
        placeholder={t("routingAdmin.queues.overflowNone")}
        data={overflowOptions}
        value={form.overflowQueueId}
        onChange={(id) => onChange({ overflowQueueId: id, overflowAfterSeconds: id === null ? null : (form.overflowAfterSeconds ?? 300) })}
        clearable
        error={errors.overflowQueueId}
      />
      <NumberInput
        label={t("routingAdmin.queues.overflowAfter")}
        value={shown(form.overflowAfterSeconds)}
        onChange={(v) => onChange({ overflowAfterSeconds: numberOrNull(v) })}
        min={1}
        max={86400}
        allowDecimal={false}
        disabled={form.overflowQueueId === null}
        error={errors.overflowAfterSeconds}
      />
      <NumberInput
        label={t("routingAdmin.queues.callbackAfter")}
        inputWrapperOrder={BELOW}
        description={t("routingAdmin.queues.callbackHint")}
        value={shown(form.callbackAfterSeconds)}
        onChange={(v) => onChange({ callbackAfterSeconds: numberOrNull(v) })}
        min={1}
        max={86400}
        allowDecimal={false}
        error={errors.callbackAfterSeconds}
      />
    </SimpleGrid>
  );
}
