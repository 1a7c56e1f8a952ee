import type { AgentProfileDto } from "@bailanys/common/api/routing-admin";
import type { ExtensionDto } from "@bailanys/common/api/voice-admin";
import { Badge, Button, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiNoContent } from "../../../../api/client.ts";
import { EditDeleteButtons } from "../../../../components/EditDeleteButtons.tsx";
import { deleteWithNotice } from "../../../../lib/deleteWithNotice.ts";
import { AdminTable } from "../shared/AdminTable.tsx";
import { useAdminList } from "../shared/useAdminList.ts";
import { freedBy, sortExtensions } from "./extensionForm.ts";
import { ExtensionModal } from "./ExtensionModal.tsx";
import { VoiceSection } from "./VoiceSection.tsx";

/** The operators' phone extensions: who answers at each, and its SIP password (kept only as a digest). */
export function ExtensionsSection() {
  const { t } = useTranslation();
  const { items, put, drop } = useAdminList<ExtensionDto>("/voice/extensions", (e) => e.extension);
  const { items: agents } = useAdminList<AgentProfileDto>("/routing/agents", (a) => a.userId);
  const [editing, setEditing] = useState<ExtensionDto | "new" | null>(null);

  const what = (extension: string) => t("voiceAdmin.extensions.what", { extension });
  const remove = (extension: ExtensionDto) =>
    deleteWithNotice(async () => {
      await apiNoContent(`/voice/extensions/${encodeURIComponent(extension.extension)}`, { method: "DELETE" });
      drop(extension.extension);
    });

  return (
    <VoiceSection
      title={t("voiceAdmin.extensions.title")}
      hint={t("voiceAdmin.extensions.hint")}
      testId="voice-extensions"
      action={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")} data-testid="extension-add" style={{ flexShrink: 0 }}>
          {t("voiceAdmin.extensions.add")}
        </Button>
      }
    >
      <AdminTable
        testId="extensions-table"
        minWidth={600}
        labels={[t("voiceAdmin.extensions.extension"), t("voiceAdmin.extensions.operator")]}
        rows={items === null ? null : sortExtensions(items)}
        empty={t("voiceAdmin.extensions.empty")}
      >
        {(extension) => (
          <Table.Tr key={extension.extension} data-testid="extension-row" data-extension={extension.extension}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {extension.extension}
              </Text>
            </Table.Td>
            <Table.Td>
              {extension.userId === null ? (
                <Badge variant="light" color="gray">
                  {t("voiceAdmin.extensions.unassigned")}
                </Badge>
              ) : (
                <Text size="sm">{extension.userName ?? extension.userId}</Text>
              )}
            </Table.Td>
            <Table.Td>
              <EditDeleteButtons onEdit={() => setEditing(extension)} onDelete={() => remove(extension)} what={what(extension.extension)} />
            </Table.Td>
          </Table.Tr>
        )}
      </AdminTable>
      {editing !== null && (
        <ExtensionModal
          extension={editing === "new" ? null : editing}
          extensions={items ?? []}
          agents={agents ?? []}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            freedBy(items ?? [], saved).forEach(put);
            put(saved);
          }}
        />
      )}
    </VoiceSection>
  );
}
