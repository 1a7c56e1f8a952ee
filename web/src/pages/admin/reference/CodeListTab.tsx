import type { ReferenceDto, ReferenceListName } from "@bailanys/common/api/reference";
import { Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ActiveBadge } from "../../../components/ActiveBadge.tsx";
import { EditDeleteButtons } from "../../../components/EditDeleteButtons.tsx";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { deleteWithNotice } from "../../../lib/deleteWithNotice.ts";
import { useReference } from "../../../reference/useReference.ts";
import { CodeListEntryModal, type CodeRow, type ExtraField } from "./CodeListEntryModal.tsx";

interface Props<Row extends CodeRow> {
  list: ReferenceListName;
  rows: Row[];
  /** Columns shown between the names and the sort order. */
  columns: { label: string; render: (row: Row) => ReactNode }[];
  fields: ExtraField[];
  canWrite: boolean;
}

/** One editable code list of the reference data: a table, an entry dialog, delete with the IN_USE explanation. */
export function CodeListTab<Row extends CodeRow>({ list, rows, columns, fields, canWrite }: Props<Row>) {
  const { t } = useTranslation();
  const { replace } = useReference();
  const [editing, setEditing] = useState<Row | "new" | null>(null);

  const remove = (row: Row) => deleteWithNotice(async () => replace(await api<ReferenceDto>(`/reference/${list}/${encodeURIComponent(row.code)}`, { method: "DELETE" })));

  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
            {t("common.add")}
          </Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover data-testid={`reference-${list}`}>
          <TableHeader
            labels={[t("reference.code"), t("reference.nameKk"), t("reference.nameRu"), t("reference.nameEn"), ...columns.map((c) => c.label), t("reference.sort"), t("common.status")]}
            withActions={canWrite}
          />
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {row.code}
                  </Text>
                </Table.Td>
                <Table.Td>{row.nameKk}</Table.Td>
                <Table.Td>{row.nameRu}</Table.Td>
                <Table.Td>{row.nameEn}</Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.label}>{c.render(row)}</Table.Td>
                ))}
                <Table.Td>{row.sort}</Table.Td>
                <Table.Td>
                  <ActiveBadge active={row.active} />
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <EditDeleteButtons onEdit={() => setEditing(row)} onDelete={() => remove(row)} what={row.code} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing !== null && <CodeListEntryModal list={list} row={editing === "new" ? null : editing} fields={fields} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
