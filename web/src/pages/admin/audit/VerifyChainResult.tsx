import { Alert, List, Text } from "@mantine/core";
import { IconAlertTriangle, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ChainReport } from "@bailanys/common/api/audit";

/** The verdict of the hash-chain check: intact, or which records are broken and how. */
export function VerifyChainResult({ report, onClose }: { report: ChainReport; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={report.ok ? "teal" : "red"}
      icon={report.ok ? <IconShieldCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
      title={report.ok ? t("audit.chainOk") : t("audit.chainBroken")}
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={onClose}
      data-testid="audit-verify-result"
      data-ok={report.ok}
    >
      <Text size="sm">{t("audit.checked", { checked: report.checked, unsealed: report.unsealed })}</Text>
      {report.problems.length > 0 && (
        <List size="sm" mt="xs">
          {report.problems.map((p) => (
            <List.Item key={`${p.seq}-${p.id ?? "none"}`}>
              #{p.seq} {p.id !== null ? `(id ${p.id})` : ""}: {p.problem}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
