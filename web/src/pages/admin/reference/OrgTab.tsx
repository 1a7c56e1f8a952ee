import type { ReferenceDto } from "@bailanys/common/api/reference";
import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActiveBadge } from "../../../components/ActiveBadge.tsx";
import { EditDeleteButtons } from "../../../components/EditDeleteButtons.tsx";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { YesNo } from "../../../components/YesNo.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { useReference } from "../../../reference/useReference.ts";
import { BodyModal } from "./BodyModal.tsx";
import { PositionModal } from "./PositionModal.tsx";
import { UnitModal } from "./UnitModal.tsx";
import { useOrgSave } from "./useOrgSave.ts";

type Body = ReferenceDto["bodies"][number];
type Unit = ReferenceDto["units"][number];
type Position = ReferenceDto["positions"][number];
type Editing = { kind: "body"; row: Body | null } | { kind: "unit"; row: Unit | null } | { kind: "position"; row: Position | null };

/** Bodies, their units and positions (the org routes; editing needs org.write). */
export function OrgTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { reference } = useReference();
  const name = useLocalizedName();
  const { remove } = useOrgSave();
  const [editing, setEditing] = useState<Editing | null>(null);
  if (!reference) {
    return null;
  }
  const bodyName = (id: string) => name(reference.bodies.find((b) => b.id === id)) || id;
  const unitName = (id: string | null) => (id ? name(reference.units.find((u) => u.id === id)) || id : "—");

  const editButtons = (onEdit: () => void, onDelete: () => Promise<void>, what: string) =>
    canWrite && (
      <Table.Td>
        <EditDeleteButtons onEdit={onEdit} onDelete={onDelete} what={what} />
      </Table.Td>
    );
  const header = (title: string, onAdd: () => void) => (
    <Group justify="space-between" mt="md">
      <Title order={4}>{title}</Title>
      {canWrite && (
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={onAdd}>
          {t("common.add")}
        </Button>
      )}
    </Group>
  );

  return (
    <Stack>
      {header(t("org.bodies"), () => setEditing({ kind: "body", row: null }))}
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="org-bodies">
          <TableHeader labels={[t("org.name"), t("org.bin"), t("org.isExternal"), t("org.email"), t("common.status")]} withActions={canWrite} />
          <Table.Tbody>
            {reference.bodies.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{name(b)}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {b.bin ?? "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <YesNo value={b.isExternal} />
                </Table.Td>
                <Table.Td>{b.email ?? "—"}</Table.Td>
                <Table.Td>
                  <ActiveBadge active={b.active} />
                </Table.Td>
                {editButtons(() => setEditing({ kind: "body", row: b }), () => remove("/bodies", b.id), name(b))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {header(t("org.units"), () => setEditing({ kind: "unit", row: null }))}
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="org-units">
          <TableHeader labels={[t("org.name"), t("appeals.body"), t("org.parentUnit"), t("common.status")]} withActions={canWrite} />
          <Table.Tbody>
            {reference.units.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{name(u)}</Table.Td>
                <Table.Td>{bodyName(u.bodyId)}</Table.Td>
                <Table.Td>{unitName(u.parentId)}</Table.Td>
                <Table.Td>
                  <ActiveBadge active={u.active} />
                </Table.Td>
                {editButtons(() => setEditing({ kind: "unit", row: u }), () => remove("/units", u.id), name(u))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {header(t("org.positions"), () => setEditing({ kind: "position", row: null }))}
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="org-positions">
          <TableHeader labels={[t("org.name"), t("appeals.unit"), t("appeals.body"), t("common.status")]} withActions={canWrite} />
          <Table.Tbody>
            {reference.positions.map((p) => {
              const unit = reference.units.find((u) => u.id === p.unitId);
              return (
                <Table.Tr key={p.id}>
                  <Table.Td>{name(p)}</Table.Td>
                  <Table.Td>{unitName(p.unitId)}</Table.Td>
                  <Table.Td>{unit ? bodyName(unit.bodyId) : "—"}</Table.Td>
                  <Table.Td>
                    <ActiveBadge active={p.active} />
                  </Table.Td>
                  {editButtons(() => setEditing({ kind: "position", row: p }), () => remove("/positions", p.id), name(p))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {editing?.kind === "body" && <BodyModal body={editing.row} onClose={() => setEditing(null)} />}
      {editing?.kind === "unit" && <UnitModal unit={editing.row} onClose={() => setEditing(null)} />}
      {editing?.kind === "position" && <PositionModal position={editing.row} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
