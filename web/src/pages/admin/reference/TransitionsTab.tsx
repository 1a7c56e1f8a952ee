import type { ReferenceDto, TransitionDto } from "@bailanys/common/api/reference";
import { PERMISSIONS } from "@bailanys/common/permissions";
import { ActionIcon, Button, Checkbox, Group, Select, Stack, Table, Text } from "@mantine/core";
import { IconArrowRight, IconDeviceFloppy, IconPlus, IconRestore, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { YesNo } from "../../../components/YesNo.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";
import { useReference } from "../../../reference/useReference.ts";

// Only appeal permissions make sense on an edge of the appeal status graph.
const EDGE_PERMISSIONS = PERMISSIONS.filter((p) => p.startsWith("appeal."));

/** The status graph as a list of edges, edited as a whole and saved in one PUT. */
export function TransitionsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { reference, replace } = useReference();
  const name = useLocalizedName();
  const [draft, setDraft] = useState<TransitionDto[]>(reference?.transitions ?? []);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDraft(reference?.transitions ?? []);
  }, [reference]);

  const statuses = (reference?.statuses ?? []).map((s) => ({ value: s.code, label: name(s) }));
  const statusName = (code: string) => statuses.find((s) => s.value === code)?.label ?? code;
  const update = (index: number, patch: Partial<TransitionDto>) => setDraft((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const changed = JSON.stringify(draft) !== JSON.stringify(reference?.transitions ?? []);

  const save = async () => {
    setBusy(true);
    try {
      replace(await api<ReferenceDto>("/reference/transitions", { method: "PUT", json: { transitions: draft } }));
      notifySuccess(t("common.saved"));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("reference.transitionsHint")}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="reference-transitions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reference.from")}</Table.Th>
              <Table.Th />
              <Table.Th>{t("reference.to")}</Table.Th>
              <Table.Th>{t("reference.permission")}</Table.Th>
              <Table.Th>{t("reference.requiresReason")}</Table.Th>
              <Table.Th>{t("reference.requiresClientMessage")}</Table.Th>
              {canWrite && <Table.Th>{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((edge, index) => {
              const rowLabel = `${statusName(edge.fromStatus)} → ${statusName(edge.toStatus)}`;
              return canWrite ? (
                <Table.Tr key={index}>
                  <Table.Td>
                    <Select aria-label={`${t("reference.from")} (${index + 1})`} data={statuses} value={edge.fromStatus} onChange={(v) => v && update(index, { fromStatus: v })} allowDeselect={false} size="xs" />
                  </Table.Td>
                  <Table.Td>
                    <IconArrowRight size={14} aria-hidden />
                  </Table.Td>
                  <Table.Td>
                    <Select aria-label={`${t("reference.to")} (${index + 1})`} data={statuses} value={edge.toStatus} onChange={(v) => v && update(index, { toStatus: v })} allowDeselect={false} size="xs" />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`${t("reference.permission")}: ${rowLabel}`}
                      data={EDGE_PERMISSIONS.map((p) => ({ value: p, label: p }))}
                      value={edge.permission}
                      onChange={(v) => v && update(index, { permission: v })}
                      allowDeselect={false}
                      size="xs"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={`${t("reference.requiresReason")}: ${rowLabel}`} checked={edge.requiresReason} onChange={(e) => update(index, { requiresReason: e.currentTarget.checked })} />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={`${t("reference.requiresClientMessage")}: ${rowLabel}`} checked={edge.requiresClientMessage} onChange={(e) => update(index, { requiresClientMessage: e.currentTarget.checked })} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`${t("common.delete")}: ${rowLabel}`} onClick={() => setDraft((rows) => rows.filter((_, i) => i !== index))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={index}>
                  <Table.Td>{statusName(edge.fromStatus)}</Table.Td>
                  <Table.Td>
                    <IconArrowRight size={14} aria-hidden />
                  </Table.Td>
                  <Table.Td>{statusName(edge.toStatus)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {edge.permission}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <YesNo value={edge.requiresReason} />
                  </Table.Td>
                  <Table.Td>
                    <YesNo value={edge.requiresClientMessage} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canWrite && (
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              setDraft((rows) => [
                ...rows,
                { fromStatus: statuses[0]?.value ?? "", toStatus: statuses[1]?.value ?? statuses[0]?.value ?? "", permission: "appeal.transition", requiresReason: false, requiresClientMessage: false },
              ])
            }
          >
            {t("reference.addEdge")}
          </Button>
          <Group>
            <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} disabled={!changed} onClick={() => setDraft(reference?.transitions ?? [])}>
              {t("common.reset")}
            </Button>
            <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} disabled={!changed} loading={busy} onClick={() => void save()}>
              {t("common.save")}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
