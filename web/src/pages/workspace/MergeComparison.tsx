import type { MergeField } from "@bailanys/common/api/citizens";
import { isLocale } from "@bailanys/common/locales";
import { Radio, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldRow, RecordSide } from "./citizenMerge.ts";

interface Props {
  rows: FieldRow[];
  onChoose: (field: MergeField, side: RecordSide) => void;
}

const LABEL = {
  fullName: "workspace.citizen.fullName",
  iin: "workspace.citizen.iin",
  phone: "workspace.citizen.recordPhone",
  email: "workspace.citizen.email",
  preferredLanguage: "workspace.citizen.preferredLanguage",
} as const;

/**
 * The two records side by side. Where both have a value and they differ, a radio picks the one to keep; otherwise
 * the value that will be kept is in bold and a different one that is dropped is struck through.
 */
export function MergeComparison({ rows, onChoose }: Props) {
  const { t } = useTranslation();
  const shown = (row: FieldRow, side: RecordSide) => {
    const value = row[side];
    if (value === null) {
      return "—";
    }
    return row.field === "preferredLanguage" && isLocale(value) ? t(`locale.${value}`) : value;
  };

  const cell = (row: FieldRow, side: RecordSide) => {
    const used = row.used === side;
    if (row.choosable && row.field !== "iin") {
      const field = row.field;
      return (
        <Radio
          name={`merge-${field}`}
          checked={used}
          onChange={() => onChoose(field, side)}
          label={shown(row, side)}
          aria-label={`${t(LABEL[field])}: ${shown(row, side)}`}
          data-testid={`merge-${field}-${side}`}
        />
      );
    }
    // A value both records share is simply kept; only a value that will be dropped is struck through.
    const dropped = !used && row[side] !== null && row.current !== row.found;
    return (
      <Text size="sm" fw={used && row[side] !== null ? 600 : 400} c={dropped || row[side] === null ? "dimmed" : undefined} td={dropped ? "line-through" : undefined}>
        {shown(row, side)}
      </Text>
    );
  };

  return (
    <Table withTableBorder verticalSpacing={6} data-testid="merge-comparison">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t("workspace.merge.current")}</Table.Th>
          <Table.Th>{t("workspace.merge.found")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field}>
            <Table.Th scope="row" fw={500}>
              {t(LABEL[row.field])}
            </Table.Th>
            <Table.Td>{cell(row, "current")}</Table.Td>
            <Table.Td>{cell(row, "found")}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
