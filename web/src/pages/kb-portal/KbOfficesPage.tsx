import { Center, Loader, SimpleGrid, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { OfficeCard } from "../../components/kb/OfficeCard.tsx";
import { useLanguageParam } from "../../hooks/useLanguageParam.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { KbHelpLinks } from "./KbHelpLinks.tsx";
import { KbLoadFailed } from "./KbLoadFailed.tsx";
import { KbPortalShell } from "./KbPortalShell.tsx";
import { kbPublicApi } from "../../api/kbPublicApi.ts";
import { usePortalLoad } from "./usePortalLoad.ts";

/** `/kb/offices?tenant=…`: every office where citizens apply in person, with hours and a map link. */
export function KbOfficesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const tenant = (params.get("tenant") ?? "").trim();
  const locale = useLocale();
  useLanguageParam(params.get("lang"));
  const offices = usePortalLoad(tenant === "" ? null : `${tenant}|${locale}`, (signal) => kbPublicApi.offices(tenant, locale, signal));

  return (
    <KbPortalShell tenant={tenant} pageTitle={t("kbPortal.office.title")} backHome>
      <div>
        <Title order={1} size="h2">
          {t("kbPortal.office.title")}
        </Title>
        <Text c="dark.4">{t("kbPortal.office.subtitle")}</Text>
      </div>
      {offices.status === "loading" && (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {offices.status === "failed" && <KbLoadFailed message={offices.message} onRetry={offices.reload} />}
      {offices.status === "ready" &&
        (offices.data.items.length === 0 ? (
          <Text>{t("kbPortal.office.none")}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {offices.data.items.map((office) => (
              <OfficeCard key={office.id} office={office} locale={locale} order={2} />
            ))}
          </SimpleGrid>
        ))}
      <KbHelpLinks tenant={tenant} locale={locale} />
    </KbPortalShell>
  );
}
