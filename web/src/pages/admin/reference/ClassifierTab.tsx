import type { ClassifierItemDto, ReferenceDto } from "@bailanys/common/api/reference";
import { Alert, Button, FileButton, Group, List, Stack, Table, Text } from "@mantine/core";
import { IconFileImport, IconPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError } from "../../../api/client.ts";
import { ActiveBadge } from "../../../components/ActiveBadge.tsx";
import { EditDeleteButtons } from "../../../components/EditDeleteButtons.tsx";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { deleteWithNotice } from "../../../lib/deleteWithNotice.ts";
import { notifyError } from "../../../lib/notifyError.ts";
import { useReference } from "../../../reference/useReference.ts";
import { classifierOptions } from "../../../lib/classifierOptions.ts";
import { ClassifierItemModal } from "./ClassifierItemModal.tsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type ImportOutcome = { ok: true; created: number; updated: number } | { ok: false; message: string; rows: { field: string; message: string }[] };

/** The service classifier as a tree: add, edit, delete, and import from CSV or XLSX. */
export function ClassifierTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { reference, replace, reload } = useReference();
  const name = useLocalizedName();
  const [editing, setEditing] = useState<{ item: ClassifierItemDto | null; parentId: string | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const items = useMemo(() => reference?.classifier ?? [], [reference]);
  const tree = useMemo(() => classifierOptions(items, name, false), [items, name]);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);

  const remove = (item: ClassifierItemDto) => deleteWithNotice(async () => replace(await api<ReferenceDto>(`/reference/classifier/${item.id}`, { method: "DELETE" })));

  const upload = async (file: File | null) => {
    if (!file) {
      return;
    }
    setImporting(true);
    setOutcome(null);
    const isXlsx = file.name.toLowerCase().endsWith(".xlsx");
    try {
      const result = await api<{ created: number; updated: number }>("/reference/classifier/import", {
        method: "POST",
        raw: file,
        contentType: isXlsx ? XLSX : "text/csv",
      });
      setOutcome({ ok: true, ...result });
      await reload();
    } catch (error) {
      if (error instanceof ApiError) {
        setOutcome({ ok: false, message: error.message, rows: error.fields });
      } else {
        notifyError(error);
      }
    } finally {
      setImporting(false);
    }
  };

  const bodyName = (id: string | null) => name(reference?.bodies.find((b) => b.id === id));
  const unitName = (id: string | null) => name(reference?.units.find((u) => u.id === id));
  const typeName = (code: string | null) => name(reference?.types.find((x) => x.code === code));

  return (
    <Stack>
      {canWrite && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" maw={640}>
            {t("reference.importHint")}
          </Text>
          <Group>
            <FileButton onChange={(file) => void upload(file)} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
              {(props) => (
                <Button {...props} variant="default" loading={importing} leftSection={<IconFileImport size={16} aria-hidden />}>
                  {t("reference.import")}
                </Button>
              )}
            </FileButton>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ item: null, parentId: null })}>
              {t("common.add")}
            </Button>
          </Group>
        </Group>
      )}
      {outcome?.ok === true && (
        <Alert color="teal" withCloseButton closeButtonLabel={t("common.close")} onClose={() => setOutcome(null)} data-testid="import-result">
          {t("reference.imported", { created: outcome.created, updated: outcome.updated })}
        </Alert>
      )}
      {outcome?.ok === false && (
        <Alert color="red" title={outcome.message} withCloseButton closeButtonLabel={t("common.close")} onClose={() => setOutcome(null)} data-testid="import-errors">
          <List size="sm">
            {outcome.rows.map((row, index) => (
              <List.Item key={index}>
                <Text span ff="monospace" size="sm">
                  {row.field}
                </Text>
                : {row.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover data-testid="reference-classifier">
          <TableHeader labels={[t("reference.classifierItem"), t("appeals.body"), t("appeals.unit"), t("reference.defaultType"), t("common.status")]} withActions={canWrite} />
          <Table.Tbody>
            {tree.map((node) => {
              const item = byId.get(node.value);
              if (!item) {
                return null;
              }
              return (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Text size="sm" pl={node.depth * 20} fw={node.depth === 0 ? 600 : undefined}>
                      {node.label}
                    </Text>
                  </Table.Td>
                  <Table.Td>{bodyName(item.bodyId) || "—"}</Table.Td>
                  <Table.Td>{unitName(item.unitId) || "—"}</Table.Td>
                  <Table.Td>{typeName(item.defaultTypeCode) || "—"}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={item.active} />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <EditDeleteButtons onEdit={() => setEditing({ item, parentId: item.parentId })} onDelete={() => remove(item)} what={item.code}>
                        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing({ item: null, parentId: item.id })}>
                          {t("reference.addChild")}
                        </Button>
                      </EditDeleteButtons>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <ClassifierItemModal item={editing.item} parentId={editing.parentId} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
