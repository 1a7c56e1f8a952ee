import { Checkbox, Group, MultiSelect, NumberInput, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NamesFields } from "../../../../components/NamesFields.tsx";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { numberFrom, shown } from "../shared/numbers.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import type { QueueForm } from "./queueForm.ts";

interface Props {
  form: QueueForm;
  errors: FieldMessages;
  isNew: boolean;
  onChange: (patch: Partial<QueueForm>) => void;
}

/** What the queue is: code, names, the channels and topics it serves, its order and whether it is in use. */
export function QueueMainFields({ form, errors, isNew, onChange }: Props) {
  const { t } = useTranslation();
  const { channels, topics, renderTopic } = useRoutingOptions();

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t("routingAdmin.queues.code")}
          description={isNew ? t("routingAdmin.queues.codeHint") : undefined}
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={form.code}
          onChange={(e) => onChange({ code: e.currentTarget.value.trim() })}
          error={errors.code}
          disabled={!isNew}
          maxLength={40}
        />
        <NumberInput label={t("routingAdmin.queues.sort")} value={shown(form.sort)} onChange={(v) => onChange({ sort: numberFrom(v) })} min={0} max={10000} allowDecimal={false} error={errors.sort} />
        <Switch mt={{ base: 0, sm: 32 }} label={t("common.active")} checked={form.active} onChange={(e) => onChange({ active: e.currentTarget.checked })} />
      </SimpleGrid>
      <NamesFields value={form.names} onChange={(names) => onChange({ names })} errors={errors} />
      <Checkbox.Group label={t("routingAdmin.queues.channels")} value={form.channels} onChange={(value) => onChange({ channels: value })} error={errors.channels}>
        <Group mt="xs">
          {channels.map((c) => (
            <Checkbox key={c.value} value={c.value} label={c.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <MultiSelect
        label={t("routingAdmin.queues.topics")}
        description={t("routingAdmin.queues.topicsHint")}
        inputWrapperOrder={["label", "input", "description", "error"]}
        placeholder={form.topicIds.length === 0 ? t("routingAdmin.queues.general") : undefined}
        data={topics}
        value={form.topicIds}
        onChange={(topicIds) => onChange({ topicIds })}
        renderOption={renderTopic}
        error={errors.topicIds}
        searchable
        clearable
        nothingFoundMessage={t("common.nothingFound")}
        maxDropdownHeight={280}
      />
    </Stack>
  );
}
