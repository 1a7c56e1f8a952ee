import type { GapDto } from "@bailanys/common/api/kb";
import { Button, Group, SegmentedControl, Stack, Table } from "@mantine/core";
import { IconPencilPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { useSession } from "../../../session/useSession.ts";
import { TabIntro } from "../../admin/contact-centre/shared/TabIntro.tsx";
import { EmptyRows } from "./EmptyRows.tsx";
import { useFetchItems } from "./useFetchItems.ts";

const PERIODS = ["7", "30", "90"] as const;

/** What staff and citizens searched for and did not find, or found and still escalated: articles to write. */
export function GapsTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [days, setDays] = useState<string>("30");
  const items = useFetchItems<GapDto>("/kb/gaps", { days });
  const labels = [t("kbEditor.gaps.query"), t("kbEditor.gaps.searches"), t("kbEditor.gaps.empty"), t("kbEditor.gaps.escalated"), t("kbEditor.gaps.lastAt")];

  return (
    <Stack>
      <TabIntro hint={t("kbEditor.gaps.hint")} />
      <Group>
        <SegmentedControl aria-label={t("kbEditor.gaps.period")} value={days} onChange={setDays} data={PERIODS.map((d) => ({ value: d, label: t("kbEditor.gaps.days", { count: Number(d) }) }))} />
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover data-testid="kb-gaps">
          <TableHeader labels={labels} withActions={can("kb.write")} />
          <Table.Tbody>
            {(items ?? []).map((gap) => (
              <Table.Tr key={gap.query}>
                <Table.Td fw={500}>{gap.query}</Table.Td>
                <Table.Td>{gap.searches}</Table.Td>
                <Table.Td>{gap.empty}</Table.Td>
                <Table.Td>{gap.escalated}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(gap.lastAt)}</Table.Td>
                {can("kb.write") && (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPencilPlus size={14} aria-hidden />}
                      onClick={() => void navigate(`/knowledge?${new URLSearchParams({ tab: "articles", newTitle: gap.query }).toString()}`)}
                      aria-label={`${t("kbEditor.gaps.write")}: ${gap.query}`}
                    >
                      {t("kbEditor.gaps.write")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <EmptyRows rows={items} text={t("kbEditor.gaps.none")} />
    </Stack>
  );
}
