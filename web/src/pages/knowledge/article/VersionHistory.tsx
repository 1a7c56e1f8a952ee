import type { VersionDto, VersionSummaryDto } from "@bailanys/common/api/kb";
import { Button, Table, Text } from "@mantine/core";
import { IconArrowsDiff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { VersionDiffModal } from "./VersionDiffModal.tsx";
import { VersionStateBadge } from "./VersionStateBadge.tsx";

interface Props {
  /** This language's versions, newest first. */
  summaries: readonly VersionSummaryDto[];
  /** The full versions, for the reviewer's comment; null while loading. */
  full: Map<string, VersionDto> | null;
}

/** Every version of one language, each comparable with the one before it. */
export function VersionHistory({ summaries, full }: Props) {
  const { t } = useTranslation();
  const [comparing, setComparing] = useState<{ versionId: string; previousId: string } | null>(null);
  if (summaries.length === 0) {
    return <Text c="dimmed" size="sm">{t("kbEditor.history.empty")}</Text>;
  }
  return (
    <>
      <Table.ScrollContainer minWidth={860}>
        <Table striped data-testid="kb-history">
          <TableHeader labels={[t("kbEditor.history.number"), t("common.status"), t("kbEditor.history.author"), t("kbEditor.history.date"), t("kbEditor.draft.changeNote"), t("kbEditor.history.reviewComment"), ""]} />
          <Table.Tbody>
            {summaries.map((v, i) => {
              const previous = summaries[i + 1];
              const reviewer = full?.get(v.id);
              return (
                <Table.Tr key={v.id} data-testid="kb-history-row">
                  <Table.Td>{v.number}</Table.Td>
                  <Table.Td>
                    <VersionStateBadge state={v.state} />
                  </Table.Td>
                  <Table.Td>{v.author.fullName}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(v.publishedAt ?? v.updatedAt)}</Table.Td>
                  <Table.Td maw={260}>{v.changeNote}</Table.Td>
                  <Table.Td maw={260}>
                    {reviewer?.reviewComment ? `${reviewer.reviewComment}${reviewer.reviewer ? ` — ${reviewer.reviewer.fullName}` : ""}` : ""}
                  </Table.Td>
                  <Table.Td>
                    {previous && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconArrowsDiff size={14} aria-hidden />}
                        onClick={() => setComparing({ versionId: v.id, previousId: previous.id })}
                        aria-label={t("kbEditor.history.compareWith", { number: v.number, previous: previous.number })}
                        data-testid="kb-compare"
                      >
                        {t("kbEditor.history.compare")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {comparing && <VersionDiffModal {...comparing} onClose={() => setComparing(null)} />}
    </>
  );
}
