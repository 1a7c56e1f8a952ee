import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { TableHeader } from "../../../../components/TableHeader.tsx";

interface Props<T> {
  testId: string;
  minWidth: number;
  labels: string[];
  /** Null while loading: the table stays empty and says nothing yet. */
  rows: readonly T[] | null;
  /** Said under the table when there are no rows. */
  empty: string;
  /** A row (a Table.Tr with its key). */
  children: (row: T) => ReactNode;
}

/** A tab's table of saved items with an actions column, and a line saying when there are none. */
export function AdminTable<T>({ testId, minWidth, labels, rows, empty, children }: Props<T>) {
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover data-testid={testId}>
          <TableHeader labels={labels} withActions />
          <Table.Tbody>{(rows ?? []).map((row) => children(row))}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows !== null && rows.length === 0 && (
        <Text c="dimmed" ta="center" p="lg">
          {empty}
        </Text>
      )}
    </>
  );
}
