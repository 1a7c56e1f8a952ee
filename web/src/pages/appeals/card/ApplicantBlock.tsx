import type { CitizenDto } from "@bailanys/common/api/appeals";
import { isLocale } from "@bailanys/common/locales";
import { Alert, Card, Title } from "@mantine/core";
import { IconEyeOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { InfoGrid } from "../../../components/InfoGrid.tsx";

/** The applicant; readers without the right to personal data see masked values and are told why. */
export function ApplicantBlock({ citizen }: { citizen: CitizenDto | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("applicant.legend")}
      </Title>
      {citizen === null ? (
        <Alert color="gray">{t("card.noApplicant")}</Alert>
      ) : (
        <>
          {citizen.masked && (
            <Alert color="yellow" icon={<IconEyeOff aria-hidden />} mb="sm" data-testid="applicant-masked">
              {t("card.maskedNote")}
            </Alert>
          )}
          <InfoGrid
            items={[
              { label: t("applicant.fullName"), value: citizen.fullName },
              { label: citizen.kind === "organisation" ? t("applicant.bin") : t("applicant.iinShort"), value: citizen.iin },
              { label: t("applicant.phone"), value: citizen.phone },
              { label: t("applicant.email"), value: citizen.email },
              { label: t("applicant.preferredLanguage"), value: isLocale(citizen.preferredLanguage) ? t(`locale.${citizen.preferredLanguage}`) : citizen.preferredLanguage },
              {
                label: t("applicant.consentShort"),
                value: citizen.consentGivenAt ? t("card.consentGiven", { date: formatDateTime(citizen.consentGivenAt), source: citizen.consentSource ?? "—" }) : t("card.consentMissing"),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
