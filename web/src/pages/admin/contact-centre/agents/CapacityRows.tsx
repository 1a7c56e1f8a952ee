import { NumberInput, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EditableRows } from "../shared/EditableRows.tsx";
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

  return (
    <EditableRows
      rows={rows}
      onChange={onChange}
      hint={t("routingAdmin.agents.channelsHint")}
      none={t("routingAdmin.agents.noChannels")}
      rowTestId="capacity-row"
      removeLabel={(n) => t("routingAdmin.agents.removeChannel", { n })}
      error={errors.channels}
      addLabel={t("routingAdmin.agents.addChannel")}
      next={nextChannel(rows)}
    >
      {(row, { index: i, update, labels }) => (
        <>
          <Select
            {...labels(t("routingAdmin.agents.channel"))}
            data={channels}
            value={row.channel}
            onChange={(v) => v && update({ channel: v, capacity: defaultCapacity(v) })}
            allowDeselect={false}
            error={errors[`channels.${i}.channel`]}
            w={220}
          />
          <NumberInput
            {...labels(t("routingAdmin.agents.capacity"))}
            value={shown(row.capacity)}
            onChange={(v) => update({ capacity: numberFrom(v) })}
            min={1}
            max={20}
            allowDecimal={false}
            error={errors[`channels.${i}.capacity`]}
            w={110}
          />
        </>
      )}
    </EditableRows>
  );
}
