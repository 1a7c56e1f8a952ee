import { useTranslation } from "react-i18next";
import { AdminTable } from "../shared/AdminTable.tsx";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import type { MenuForm } from "./menuForm.ts";
import { NodeRow } from "./NodeRow.tsx";

interface Props {
  menu: MenuForm;
  errors: FieldMessages;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}

/** The menu's nodes, one row each with what it plays and where it leads; a problem shows at its node. */
export function NodeTable({ menu, errors, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const rows = menu.nodes.map((node, index) => ({ node, index }));

  return (
    <AdminTable
      testId="voice-nodes-table"
      minWidth={860}
      labels={[t("voiceAdmin.node.id"), t("voiceAdmin.node.kind"), t("voiceAdmin.node.prompt"), t("voiceAdmin.menu.leadsTo")]}
      rows={rows}
      empty={t("voiceAdmin.menu.noNodes")}
    >
      {({ node, index }) => (
        <NodeRow key={index} node={node} isStart={node.id === menu.start} error={errors[`menu.nodes.${node.id}`]} onEdit={() => onEdit(index)} onRemove={() => onRemove(index)} />
      )}
    </AdminTable>
  );
}
