import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { numberFrom, shown } from "../shared/numbers.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import { defaultCapacity, nextChannel, type ChannelCapacity } from "./agentForm.ts";

interface Props {
  rows: ChannelCapacity[];
  errors: FieldMessages;
  onChange: (rows: ChannelCapacity[]) => void;
}

/** One row per channel the operator takes, with how many of its contacts they may hold at once. */
export function CapacityRows({ rows, errors, onChange }: Props) {
  const { t } = useTranslation();
  const { channels } = useRoutingOptions();
  const next = nextChannel(rows);
  const update = (index: number, patch: Partial<ChannelCapacity>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("routingAdmin.agents.channelsHint")}
      </Text>
      {rows.length === 0 && <Text size="sm">{t("routingAdmin.agents.noChannels")}</Text>}
      {rows.map((row, i) => (
        <Group key={i} align="flex-start" wrap="nowrap" data-testid="capacity-row">
          <Select
            label={i === 0 ? t("routingAdmin.agents.channel") : undefined}
            aria-label={`${t("routingAdmin.agents.channel")} (${i + 1})`}
            data={channels}
            value={row.channel}
            onChange={(v) => v && update(i, { channel: v, capacity: defaultCapacity(v) })}
            allowDeselect={false}
            error={errors[`channels.${i}.channel`]}
            w={220}
          />
          <NumberInput
            label={i === 0 ? t("routingAdmin.agents.capacity") : undefined}
            aria-label={`${t("routingAdmin.agents.capacity")} (${i + 1})`}
            value={shown(row.capacity)}
            onChange={(v) => update(i, { capacity: numberFrom(v) })}
            min={1}
            max={20}
            allowDecimal={false}
            error={errors[`channels.${i}.capacity`]}
            w={110}
          />
          <ActionIcon variant="subtle" color="red" mt={i === 0 ? 28 : 4} aria-label={t("routingAdmin.agents.removeChannel", { n: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {errors.channels && (
        <Text size="sm" c="red">
          {errors.channels}
        </Text>
      )}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={next === null} onClick={() => next && onChange([...rows, next])}>
          {t("routingAdmin.agents.addChannel")}
        </Button>
      </Group>
    </Stack>
  );
}
