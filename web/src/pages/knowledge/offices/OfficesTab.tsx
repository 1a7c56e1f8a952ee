import type { OfficeDto } from "@bailanys/common/api/kb";
import { officeHoursText } from "@bailanys/common/kb/office-text";
import { ActionIcon, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActiveBadge } from "../../../components/ActiveBadge.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useSession } from "../../../session/useSession.ts";
import { AdminTable } from "../../admin/contact-centre/shared/AdminTable.tsx";
import { TabIntro } from "../../admin/contact-centre/shared/TabIntro.tsx";
import { useAdminList } from "../../admin/contact-centre/shared/useAdminList.ts";
import { OfficeModal } from "./OfficeModal.tsx";

/** The offices articles point readers to; an office no longer open is made inactive, not deleted. */
export function OfficesTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useLocalizedName();
  const { can } = useSession();
  const { items, put } = useAdminList<OfficeDto>("/kb/offices", (o) => o.id);
  const [editing, setEditing] = useState<OfficeDto | "new" | null>(null);
  const address = (o: OfficeDto) => ({ kk: o.addressKk, ru: o.addressRu, en: o.addressEn })[locale];

  return (
    <Stack>
      <TabIntro hint={t("kbEditor.offices.hint")} action={can("kb.write") ? { label: t("kbEditor.offices.add"), icon: IconPlus, onClick: () => setEditing("new"), testId: "kb-office-add" } : undefined} />
      <AdminTable
        testId="kb-offices"
        minWidth={900}
        labels={[t("kbEditor.offices.name"), t("kbEditor.offices.address"), t("kbEditor.offices.contacts"), t("kbEditor.offices.hours"), t("common.status")]}
        rows={items}
        empty={t("kbEditor.offices.empty")}
      >
        {(office) => (
          <Table.Tr key={office.id} data-testid="kb-office-row">
            <Table.Td fw={500}>{name(office)}</Table.Td>
            <Table.Td maw={260}>{address(office)}</Table.Td>
            <Table.Td>
              <Text size="sm">{office.phone}</Text>
              <Text size="sm">{office.email}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs">{officeHoursText(office.hours, locale)}</Text>
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={office.active} />
            </Table.Td>
            <Table.Td>
              {can("kb.write") && (
                <Tooltip label={t("common.edit")}>
                  <ActionIcon variant="subtle" onClick={() => setEditing(office)} aria-label={`${t("common.edit")}: ${name(office)}`}>
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </AdminTable>
      {editing !== null && <OfficeModal office={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSaved={put} />}
    </Stack>
  );
}
