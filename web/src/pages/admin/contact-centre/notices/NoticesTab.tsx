import type { NoticeAdminDto } from "@bailanys/common/api/contacts";
import { Stack } from "@mantine/core";
import { IconSpeakerphone } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { notifyError, notifySuccess } from "../../../../lib/notifyError.ts";
import { TabIntro } from "../shared/TabIntro.tsx";
import { useAdminList } from "../shared/useAdminList.ts";
import { NoticeModal } from "./NoticeModal.tsx";
import { NoticeTable } from "./NoticeTable.tsx";
import { orderNotices } from "./noticeForm.ts";

/** Service-interruption notices (R34): the ones in force with "End", then the ended ones; announce a new one. */
export function NoticesTab() {
  const { t } = useTranslation();
  const { items, put } = useAdminList<NoticeAdminDto>("/notices", (n) => n.id);
  const [adding, setAdding] = useState(false);

  const ordered = orderNotices(items ?? []);
  const loaded = items !== null;

  const end = async (notice: NoticeAdminDto) => {
    try {
      put(await api<NoticeAdminDto>(`/notices/${notice.id}/end`, { method: "POST" }));
      notifySuccess(t("routingAdmin.notices.ended"));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack>
      <TabIntro hint={t("routingAdmin.notices.hint")} action={{ label: t("routingAdmin.notices.add"), icon: IconSpeakerphone, onClick: () => setAdding(true), testId: "notice-add" }} />
      <NoticeTable
        title={t("routingAdmin.notices.current")}
        notices={ordered.filter((n) => n.endedAt === null)}
        testId="notices-current"
        lastColumn={t("common.actions")}
        none={loaded ? t("routingAdmin.notices.none") : null}
        onEnd={end}
      />
      <NoticeTable
        title={t("routingAdmin.notices.past")}
        notices={ordered.filter((n) => n.endedAt !== null)}
        testId="notices-past"
        lastColumn={t("routingAdmin.notices.endedAt")}
        none={loaded ? t("routingAdmin.notices.noPast") : null}
      />
      {adding && <NoticeModal onClose={() => setAdding(false)} onSaved={put} />}
    </Stack>
  );
}
