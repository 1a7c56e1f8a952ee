import type { ImportResultDto } from "@bailanys/common/api/kb";
import { Alert, Button, FileButton, Group, List, Menu, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconChevronDown, IconDownload, IconFileImport } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../api/client.ts";
import { notifyError } from "../../../lib/notifyError.ts";
import { importProblems, type ImportProblem } from "./importProblems.ts";

/** The columns of an import or export table, as the server reads and writes them. */
export const IMPORT_COLUMNS =
  "code, locale, audience, category, tags, title, body, description, documents, fee, term, source_title, source_reference, source_date, valid_from, review_by";
const IMPORT_ACCEPT = ".md,.markdown,.csv,.xlsx";

type Outcome = { kind: "done"; result: ImportResultDto } | { kind: "failed"; message: string; problems: ImportProblem[] };

interface Props {
  /** After a successful import, so the list shows the new drafts. */
  onImported: () => void;
}

/** Brings a base in from Markdown, CSV or XLSX (as drafts, all rows or none) and takes the whole base out as a table. */
export function ImportExport({ onImported }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reset = useRef<() => void>(null);

  const pick = async (file: File | null) => {
    reset.current?.();
    if (file === null) {
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const form = new FormData();
      form.append("file", file, file.name);
      setOutcome({ kind: "done", result: await api<ImportResultDto>("/kb/import", { method: "POST", form }) });
      onImported();
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        setOutcome({ kind: "failed", message: error.message, problems: importProblems(error.fields) });
      } else {
        notifyError(error);
      }
    } finally {
      setBusy(false);
    }
  };
  const line = (p: ImportProblem) => (p.row === null ? p.message : t("kbEditor.transfer.problem", { row: p.row, column: p.column ?? "", message: p.message }));

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <FileButton onChange={(f) => void pick(f)} resetRef={reset} accept={IMPORT_ACCEPT} disabled={busy}>
          {(props) => (
            <Button {...props} variant="default" loading={busy} leftSection={<IconFileImport size={16} aria-hidden />} data-testid="kb-import">
              {t("kbEditor.transfer.import")}
            </Button>
          )}
        </FileButton>
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} data-testid="kb-export">
              {t("kbEditor.transfer.export")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href="/api/v1/kb/export?format=xlsx" download data-testid="kb-export-xlsx">
              {t("kbEditor.transfer.xlsx")}
            </Menu.Item>
            <Menu.Item component="a" href="/api/v1/kb/export?format=csv" download data-testid="kb-export-csv">
              {t("kbEditor.transfer.csv")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text size="xs" c="dimmed" maw={760}>
        {t("kbEditor.transfer.hint")} {t("kbEditor.transfer.columns")}: <Text span ff="monospace" size="xs">{IMPORT_COLUMNS}</Text>
      </Text>
      {outcome?.kind === "done" && (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel={t("common.close")} onClose={() => setOutcome(null)} data-testid="kb-import-done">
          {t("kbEditor.transfer.done", { created: outcome.result.created, updated: outcome.result.updated })}
        </Alert>
      )}
      {outcome?.kind === "failed" && (
        <Alert
          color="red"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          title={t("kbEditor.transfer.failed")}
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setOutcome(null)}
          data-testid="kb-import-problems"
        >
          <Text size="sm" mb={4}>
            {outcome.message}
          </Text>
          <List size="sm" spacing={2}>
            {outcome.problems.map((p, i) => (
              <List.Item key={i}>{line(p)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
