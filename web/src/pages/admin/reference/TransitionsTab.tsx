import type { ReferenceDto, TransitionDto } from "@bailanys/common/api/reference";
import { PERMISSIONS } from "@bailanys/common/permissions";
import { ActionIcon, Checkbox, Select, Stack, Table, Text } from "@mantine/core";
import { IconArrowRight, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { YesNo } from "../../../components/YesNo.tsx";
import { useListDraft } from "../../../hooks/useListDraft.ts";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { useReference } from "../../../reference/useReference.ts";
import { ListDraftActions } from "./ListDraftActions.tsx";

// Only appeal permissions make sense on an edge of the appeal status graph.
const EDGE_PERMISSIONS = PERMISSIONS.filter((p) => p.startsWith("appeal."));

/** The status graph as a list of edges, edited as a whole and saved in one PUT. */
export function TransitionsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { reference, replace } = useReference();
  const name = useLocalizedName();
  const { draft, changed, busy, update, add, remove, reset, save } = useListDraft<TransitionDto>(reference?.transitions, async (transitions) => {
    replace(await api<ReferenceDto>("/reference/transitions", { method: "PUT", json: { transitions } }));
  });

  const statuses = (reference?.statuses ?? []).map((s) => ({ value: s.code, label: name(s) }));
  const statusName = (code: string) => statuses.find((s) => s.value === code)?.label ?? code;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("reference.transitionsHint")}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="reference-transitions">
          <TableHeader labels={[t("reference.from"), "", t("reference.to"), t("reference.permission"), t("reference.requiresReason"), t("reference.requiresClientMessage")]} withActions={canWrite} />
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
                    <ActionIcon variant="subtle" color="red" aria-label={`${t("common.delete")}: ${rowLabel}`} onClick={() => remove(index)}>
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
        <ListDraftActions
          addLabel={t("reference.addEdge")}
          onAdd={() =>
            add({ fromStatus: statuses[0]?.value ?? "", toStatus: statuses[1]?.value ?? statuses[0]?.value ?? "", permission: "appeal.transition", requiresReason: false, requiresClientMessage: false })
          }
          changed={changed}
          busy={busy}
          onReset={reset}
          onSave={save}
        />
      )}
    </Stack>
  );
}
