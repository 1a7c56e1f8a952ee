import type { CannedReplyDto } from "@bailanys/common/api/routing-admin";
import { LOCALES, type Locale } from "@bailanys/common/locales";
import { Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { ActiveBadge } from "../../../../components/ActiveBadge.tsx";
import { EditDeleteButtons } from "../../../../components/EditDeleteButtons.tsx";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { deleteWithNotice } from "../../../../lib/deleteWithNotice.ts";
import { AdminTable } from "../shared/AdminTable.tsx";
import { TabIntro } from "../shared/TabIntro.tsx";
import { useAdminList } from "../shared/useAdminList.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import { CannedModal } from "./CannedModal.tsx";

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** Ready texts for operators, one language at a time (a reply is written in the language it is sent in). */
export function CannedTab() {
  const { t } = useTranslation();
  const interfaceLocale = useLocale();
  const { topicName } = useRoutingOptions();
  const { items, put, drop } = useAdminList<CannedReplyDto>("/routing/canned-replies", (r) => r.id);
  const [language, setLanguage] = useState<Locale>(interfaceLocale);
  const [editing, setEditing] = useState<CannedReplyDto | "new" | null>(null);

  const all = items ?? [];
  const shown = all.filter((r) => r.language === language).sort((a, b) => a.sort - b.sort || a.title.localeCompare(b.title));
  const remove = (reply: CannedReplyDto) =>
    deleteWithNotice(async () => {
      await api<{ ok: boolean }>(`/routing/canned-replies/${reply.id}`, { method: "DELETE" });
      drop(reply.id);
    });

  return (
    <Stack>
      <TabIntro hint={t("routingAdmin.canned.hint")} />
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t("routingAdmin.canned.language")}
          value={language}
          onChange={(value) => isLocale(value) && setLanguage(value)}
          data={LOCALES.map((l) => ({ value: l, label: `${t(`locale.${l}`)} (${all.filter((r) => r.language === l).length})` }))}
        />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")} data-testid="canned-add">
          {t("routingAdmin.canned.add")}
        </Button>
      </Group>
      <AdminTable
        testId="canned-table"
        minWidth={900}
        labels={[t("routingAdmin.canned.title"), t("routingAdmin.canned.body"), t("routingAdmin.canned.topic"), t("routingAdmin.canned.sort"), t("common.status")]}
        rows={items === null ? null : shown}
        empty={t("routingAdmin.canned.empty")}
      >
        {(reply) => (
          <Table.Tr key={reply.id} data-testid="canned-row" data-id={reply.id} data-language={reply.language}>
            <Table.Td miw={160}>{reply.title}</Table.Td>
            <Table.Td maw={420}>
              <Text size="sm" lineClamp={2} title={reply.body}>
                {reply.body}
              </Text>
            </Table.Td>
            <Table.Td miw={140}>{reply.topicId === null ? t("routingAdmin.canned.topicAny") : topicName(reply.topicId)}</Table.Td>
            <Table.Td>{reply.sort}</Table.Td>
            <Table.Td>
              <ActiveBadge active={reply.active} />
            </Table.Td>
            <Table.Td>
              <EditDeleteButtons onEdit={() => setEditing(reply)} onDelete={() => remove(reply)} what={reply.title} />
            </Table.Td>
          </Table.Tr>
        )}
      </AdminTable>
      {editing !== null && <CannedModal reply={editing === "new" ? null : editing} language={language} replies={all} onClose={() => setEditing(null)} onSaved={put} />}
    </Stack>
  );
}
