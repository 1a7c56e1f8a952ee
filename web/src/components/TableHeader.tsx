import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface Props {
  labels: string[];
  /** Adds the trailing "Actions" column, shown only to those who may change the rows. */
  withActions?: boolean;
}

/** The header row of a table: column labels, and an "Actions" column when rows can be changed. */
export function TableHeader({ labels, withActions = false }: Props) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label, index) => (
          // By position: the columns never reorder, and a column may have no label (an arrow between two).
          <Table.Th key={index}>{label}</Table.Th>
        ))}
        {withActions && <Table.Th>{t("common.actions")}</Table.Th>}
      </Table.Tr>
    </Table.Thead>
  );
}
