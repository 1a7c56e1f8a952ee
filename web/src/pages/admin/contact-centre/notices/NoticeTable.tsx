import type { NoticeAdminDto } from "@bailanys/common/api/contacts";
import { Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TableHeader } from "../../../../components/TableHeader.tsx";
import { NoticeRow } from "./NoticeRow.tsx";

// Both tables share the column widths, so the current and the ended notices line up.
const WIDTHS = [130, 170, undefined, 150, 170, 150];

interface Props {
  title: string;
  notices: NoticeAdminDto[];
  testId: string;
  /** The last column's heading: the actions, or when the notice ended. */
  lastColumn: string;
  /** Said when there are none, once the list has loaded. */
  none: string | null;
  /** Ends a notice; absent for ended ones. */
  onEnd?: (notice: NoticeAdminDto) => Promise<void>;
}

/** One group of notices under its heading: a table, or a line saying there are none. */
export function NoticeTable({ title, notices, testId, lastColumn, none, onEnd }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={3} size="h5">
        {title}
      </Title>
      {notices.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped layout="fixed" data-testid={testId}>
            <colgroup>
              {WIDTHS.map((width, i) => (
                <col key={i} style={{ width }} />
              ))}
            </colgroup>
            <TableHeader labels={[t("common.status"), t("routingAdmin.notices.channels"), t("routingAdmin.notices.message"), t("routingAdmin.notices.startsAt"), t("routingAdmin.notices.resumeAt"), lastColumn]} />
            <Table.Tbody>
              {notices.map((notice) => (
                <NoticeRow key={notice.id} notice={notice} onEnd={onEnd && (() => onEnd(notice))} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        none !== null && <Text c="dimmed">{none}</Text>
      )}
    </>
  );
}
