import type { EscalationRuleDto, ReferenceDto } from "@bailanys/common/api/reference";
import { ROLES } from "@bailanys/common/permissions";
import { ActionIcon, Button, Checkbox, Group, MultiSelect, NumberInput, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconDeviceFloppy, IconPlus, IconRestore, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ActiveBadge } from "../../../components/ActiveBadge.tsx";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";
import { useReference } from "../../../reference/useReference.ts";

/** Escalation thresholds (share of the term elapsed → level, who is notified), saved as a whole. */
export function EscalationTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { reference, replace } = useReference();
  const [draft, setDraft] = useState<EscalationRuleDto[]>(reference?.escalationRules ?? []);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDraft(reference?.escalationRules ?? []);
  }, [reference]);

  const roles = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const roleName = (role: string) => roles.find((r) => r.value === role)?.label ?? role;
  const update = (index: number, patch: Partial<EscalationRuleDto>) => setDraft((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const changed = JSON.stringify(draft) !== JSON.stringify(reference?.escalationRules ?? []);

  const save = async () => {
    setBusy(true);
    try {
      replace(await api<ReferenceDto>("/reference/escalation-rules", { method: "PUT", json: { rules: draft } }));
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
        {t("reference.escalationHint")}
      </Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped data-testid="reference-escalation">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reference.level")}</Table.Th>
              <Table.Th>{t("reference.thresholdPct")}</Table.Th>
              <Table.Th>{t("reference.nameKk")}</Table.Th>
              <Table.Th>{t("reference.nameRu")}</Table.Th>
              <Table.Th>{t("reference.nameEn")}</Table.Th>
              <Table.Th>{t("reference.notifyRoles")}</Table.Th>
              <Table.Th>{t("common.status")}</Table.Th>
              {canWrite && <Table.Th>{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
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
                    <ActionIcon variant="subtle" color="red" aria-label={`${t("common.delete")} (${index + 1})`} onClick={() => setDraft((rows) => rows.filter((_, i) => i !== index))}>
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
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={draft.length >= 9}
            onClick={() => {
              const level = Math.min(9, Math.max(0, ...draft.map((r) => r.level)) + 1);
              setDraft((rows) => [...rows, { level, thresholdPct: 100, nameKk: "", nameRu: "", nameEn: "", notifyRoles: ["supervisor"], active: true }]);
            }}
          >
            {t("reference.addRule")}
          </Button>
          <Group>
            <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} disabled={!changed} onClick={() => setDraft(reference?.escalationRules ?? [])}>
              {t("common.reset")}
            </Button>
            <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} disabled={!changed} loading={busy} onClick={() => void save()}>
              {t("common.save")}
            </Button>
          </Group>
        </Group>
      )}
      {draft.length === 0 && <Text c="dimmed">{t("common.none")}</Text>}
    </Stack>
  );
}
