import type { OfficeDto, OfficeViewDto, VersionDto } from "@bailanys/common/api/kb";
import type { Locale } from "@bailanys/common/locales";
import { Divider, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ArticleFacts } from "../../../components/kb/ArticleFacts.tsx";
import { ArticleMarkdown } from "../../../components/kb/ArticleMarkdown.tsx";
import { OfficeCard } from "../../../components/kb/OfficeCard.tsx";
import { formatDate } from "../../../lib/formatDateTime.ts";

interface Props {
  version: VersionDto;
  category: string;
  offices: readonly OfficeDto[];
}

/** An office in the article's language, as the reading API would give it. */
function officeView(o: OfficeDto, locale: Locale): OfficeViewDto {
  const texts: Record<Locale, { name: string; address: string }> = { kk: { name: o.nameKk, address: o.addressKk }, ru: { name: o.nameRu, address: o.addressRu }, en: { name: o.nameEn, address: o.addressEn } };
  const { name, address } = texts[locale];
  return { id: o.id, name, address, phone: o.phone, email: o.email, hours: o.hours, latitude: o.latitude, longitude: o.longitude };
}

/** A version laid out with the readers' own pieces (facts, text, offices), so the preview is what they will see. */
export function ArticleReaderView({ version, category, offices }: Props) {
  const { t } = useTranslation();
  const source = [version.sourceTitle, version.sourceReference, formatDate(version.sourceDate)].filter((x) => x !== "").join(", ");
  return (
    <Stack lang={version.locale} data-testid="kb-reader">
      {category !== "" && (
        <Text c="dimmed" size="sm">
          {category}
        </Text>
      )}
      <Title order={1} size="h2">
        {version.title}
      </Title>
      <ArticleFacts facts={version.facts} order={2} />
      <ArticleMarkdown body={version.body} titleLevel={1} />
      {offices.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t("kbEditor.meta.offices")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {offices.map((o) => (
              <OfficeCard key={o.id} office={officeView(o, version.locale)} locale={version.locale} />
            ))}
          </SimpleGrid>
        </>
      )}
      <Divider />
      <Text size="sm">
        <Text span fw={600} size="sm">
          {t("kbEditor.preview.source")}:
        </Text>{" "}
        {source || "—"}
        {version.validFrom ? ` · ${t("kbEditor.draft.validFrom")}: ${formatDate(version.validFrom)}` : ""}
      </Text>
    </Stack>
  );
}
