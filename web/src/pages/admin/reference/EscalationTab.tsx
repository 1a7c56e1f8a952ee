import type { EscalationRuleDto, ReferenceDto } from "@bailanys/common/api/reference";
import { ROLES } from "@bailanys/common/permissions";
import { ActionIcon, Checkbox, MultiSelect, NumberInput, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ActiveBadge } from "../../../components/ActiveBadge.tsx";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { useListDraft } from "../../../hooks/useListDraft.ts";
import { useReference } from "../../../reference/useReference.ts";
import { ListDraftActions } from "./ListDraftActions.tsx";

/** Escalation thresholds (share of the term elapsed → level, who is notified), saved as a whole. */
export function EscalationTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { reference, replace } = useReference();
  const { draft, changed, busy, update, add, remove, reset, save } = useListDraft<EscalationRuleDto>(reference?.escalationRules, async (rules) => {
    replace(await api<ReferenceDto>("/reference/escalation-rules", { method: "PUT", json: { rules } }));
  });

  const roles = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const roleName = (role: string) => roles.find((r) => r.value === role)?.label ?? role;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("reference.escalationHint")}
      </Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped data-testid="reference-escalation">
          <TableHeader
            labels={[t("reference.level"), t("reference.thresholdPct"), t("reference.nameKk"), t("reference.nameRu"), t("reference.nameEn"), t("reference.notifyRoles"), t("common.status")]}
            withActions={canWrite}
          />
          <Table.Tbody>
            {draft.map((rule, index) =>
              canWrite ? (
                <Table.Tr key={index}>
                  <Table.Td w={90}>
                    <NumberInput size="xs" aria-label={`${t("reference.level")} (${index + 1})`} value={rule.level} min={1} max={9} allowDecimal={false} onChange={(v) => update(index, { level: typeof v === "number" ? v : 1 })} />
                  </Table.Td>
                  <Table.Td w={110}>
                    <NumberInput size="xs" aria-label={`${t("reference.thresholdPct")} (${index + 1})`} value={rule.thresholdPct} min={1} max={1000} allowDecimal={false} suffix=" %" onChange={(v) => update(index, { thresholdPct: typeof v === "number" ? v : 100 })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`${t("reference.nameKk")} (${index + 1})`} value={rule.nameKk} onChange={(e) => update(index, { nameKk: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`${t("reference.nameRu")} (${index + 1})`} value={rule.nameRu} onChange={(e) => update(index, { nameRu: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`${t("reference.nameEn")} (${index + 1})`} value={rule.nameEn} onChange={(e) => update(index, { nameEn: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td miw={220}>
                    <MultiSelect size="xs" aria-label={`${t("reference.notifyRoles")} (${index + 1})`} data={roles} value={rule.notifyRoles} onChange={(v) => update(index, { notifyRoles: v })} />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={`${t("common.active")} (${index + 1})`} label={t("common.active")} checked={rule.active} onChange={(e) => update(index, { active: e.currentTarget.checked })} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`${t("common.delete")} (${index + 1})`} onClick={() => remove(index)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={index}>
                  <Table.Td>{rule.level}</Table.Td>
                  <Table.Td>{rule.thresholdPct} %</Table.Td>
                  <Table.Td>{rule.nameKk}</Table.Td>
                  <Table.Td>{rule.nameRu}</Table.Td>
                  <Table.Td>{rule.nameEn}</Table.Td>
                  <Table.Td>{rule.notifyRoles.map(roleName).join(", ")}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={rule.active} />
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canWrite && (
        <ListDraftActions
          addLabel={t("reference.addRule")}
          addDisabled={draft.length >= 9}
          onAdd={() => {
            const level = Math.min(9, Math.max(0, ...draft.map((r) => r.level)) + 1);
            add({ level, thresholdPct: 100, nameKk: "", nameRu: "", nameEn: "", notifyRoles: ["supervisor"], active: true });
          }}
          changed={changed}
          busy={busy}
          onReset={reset}
          onSave={save}
        />
      )}
      {draft.length === 0 && <Text c="dimmed">{t("common.none")}</Text>}
    </Stack>
  );
}
