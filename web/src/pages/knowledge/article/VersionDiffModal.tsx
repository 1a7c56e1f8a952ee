import type { VersionDiffDto } from "@bailanys/common/api/kb";
import { Group, Loader, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { notifyError } from "../../../lib/notifyError.ts";
import { DiffText } from "./DiffText.tsx";
import { changedSections, diffCounts } from "./diffModel.ts";

interface Props {
  versionId: string;
  previousId: string;
  onClose: () => void;
}

/** What changed from the previous version, section by section, with a legend. */
export function VersionDiffModal({ versionId, previousId, onClose }: Props) {
  const { t } = useTranslation();
  const [diff, setDiff] = useState<VersionDiffDto | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api<VersionDiffDto>(`/kb/versions/${versionId}/diff`, { query: { from: previousId }, signal: controller.signal })
      .then(setDiff)
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, [versionId, previousId]);

  const counts = diff ? diffCounts(diff) : null;
  const sections = diff ? changedSections(diff) : [];
  return (
    <Modal opened onClose={onClose} size="xl" title={diff ? t("kbEditor.diff.title", { from: diff.from, to: diff.to }) : t("common.loading")} closeButtonProps={{ "aria-label": t("common.close") }}>
      {diff === null || counts === null ? (
        <Loader size="sm" aria-label={t("common.loading")} />
      ) : (
        <Stack data-testid="kb-diff">
          <Group gap="md">
            <Text size="sm">
              <ins style={{ color: "var(--mantine-color-teal-9)" }}>{t("kbEditor.diff.addedCount", { count: counts.added })}</ins>
            </Text>
            <Text size="sm">
              <del style={{ color: "var(--mantine-color-red-9)" }}>{t("kbEditor.diff.removedCount", { count: counts.removed })}</del>
            </Text>
          </Group>
          {sections.length === 0 && <Text c="dimmed">{t("kbEditor.diff.none")}</Text>}
          {sections.map((s) => (
            <Paper key={s.section} withBorder p="sm">
              <Title order={4} size="h6" mb={4}>
                {t(`kbEditor.diff.sections.${s.section}`)}
              </Title>
              <DiffText parts={s.parts} />
            </Paper>
          ))}
        </Stack>
      )}
    </Modal>
  );
}
