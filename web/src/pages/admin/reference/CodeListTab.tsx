import type { ReferenceDto, ReferenceListName } from "@bailanys/common/api/reference";
import { Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError } from "../../../api/client.ts";
import { ActiveBadge } from "../../../components/ActiveBadge.tsx";
import { ConfirmDeleteButton } from "../../../components/ConfirmDeleteButton.tsx";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";
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

  const remove = async (row: Row) => {
    try {
      replace(await api<ReferenceDto>(`/reference/${list}/${encodeURIComponent(row.code)}`, { method: "DELETE" }));
      notifySuccess(t("common.deleted"));
    } catch (error) {
      if (error instanceof ApiError && error.code === "IN_USE") {
        notifyError(new ApiError(error.status, error.code, `${error.message} ${t("reference.deactivateInstead")}`));
      } else {
        notifyError(error);
      }
    }
  };

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
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reference.code")}</Table.Th>
              <Table.Th>{t("reference.nameKk")}</Table.Th>
              <Table.Th>{t("reference.nameRu")}</Table.Th>
              <Table.Th>{t("reference.nameEn")}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.label}>{c.label}</Table.Th>
              ))}
              <Table.Th>{t("reference.sort")}</Table.Th>
              <Table.Th>{t("common.status")}</Table.Th>
              {canWrite && <Table.Th>{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
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
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(row)}>
                        {t("common.edit")}
                      </Button>
                      <ConfirmDeleteButton what={row.code} onConfirm={() => remove(row)} />
                    </Group>
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
