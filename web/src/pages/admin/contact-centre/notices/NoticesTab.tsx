import type { NoticeAdminDto } from "@bailanys/common/api/contacts";
import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconSpeakerphone } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { TableHeader } from "../../../../components/TableHeader.tsx";
import { notifyError, notifySuccess } from "../../../../lib/notifyError.ts";
import { useAdminList } from "../shared/useAdminList.ts";
import { NoticeModal } from "./NoticeModal.tsx";
import { NoticeRow } from "./NoticeRow.tsx";
import { orderNotices } from "./noticeForm.ts";

/** Service-interruption notices (R34): the ones in force with "End", then the ended ones; announce a new one. */
export function NoticesTab() {
  const { t } = useTranslation();
  const { items, put } = useAdminList<NoticeAdminDto>("/notices", (n) => n.id);
  const [adding, setAdding] = useState(false);

  const ordered = orderNotices(items ?? []);
  const open = ordered.filter((n) => n.endedAt === null);
  const ended = ordered.filter((n) => n.endedAt !== null);

  const end = async (notice: NoticeAdminDto) => {
    try {
      put(await api<NoticeAdminDto>(`/notices/${notice.id}/end`, { method: "POST" }));
      notifySuccess(t("routingAdmin.notices.ended"));
    } catch (error) {
      notifyError(error);
    }
  };

  // Both tables share the column widths, so the current and the ended notices line up.
  const header = (last: string) => (
    <>
      <colgroup>
        {[130, 170, undefined, 150, 170, 150].map((width, i) => (
          <col key={i} style={{ width }} />
        ))}
      </colgroup>
      <TableHeader labels={[t("common.status"), t("routingAdmin.notices.channels"), t("routingAdmin.notices.message"), t("routingAdmin.notices.startsAt"), t("routingAdmin.notices.resumeAt"), last]} />
    </>
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={760}>
          {t("routingAdmin.notices.hint")}
        </Text>
        <Button leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => setAdding(true)} data-testid="notice-add" style={{ flexShrink: 0 }}>
          {t("routingAdmin.notices.add")}
        </Button>
      </Group>
      <Title order={3} size="h5">
        {t("routingAdmin.notices.current")}
      </Title>
      {open.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped layout="fixed" data-testid="notices-current">
            {header(t("common.actions"))}
            <Table.Tbody>
              {open.map((notice) => (
                <NoticeRow key={notice.id} notice={notice} onEnd={() => end(notice)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        items !== null && <Text c="dimmed">{t("routingAdmin.notices.none")}</Text>
      )}
      <Title order={3} size="h5">
        {t("routingAdmin.notices.past")}
      </Title>
      {ended.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped layout="fixed" data-testid="notices-past">
            {header(t("routingAdmin.notices.endedAt"))}
            <Table.Tbody>
              {ended.map((notice) => (
                <NoticeRow key={notice.id} notice={notice} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        items !== null && <Text c="dimmed">{t("routingAdmin.notices.noPast")}</Text>
      )}
      {adding && (
<NoticeModal onClose={() => setAdding(false)} onSaved={put} />
      )}
    </Stack>
  );
}
