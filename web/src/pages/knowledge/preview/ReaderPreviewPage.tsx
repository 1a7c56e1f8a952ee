import type { OfficeDto, VersionDto } from "@bailanys/common/api/kb";
import { isLocale, type Locale } from "@bailanys/common/locales";
import { Alert, Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconEye } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { api } from "../../../api/client.ts";
import { FullPageLoader } from "../../../components/FullPageLoader.tsx";
import { notifyError } from "../../../lib/notifyError.ts";
import { editorBase } from "../article/draftForm.ts";
import { useArticle } from "../article/useArticle.ts";
import { useCategories } from "../useCategories.ts";
import { ArticleReaderView } from "./ArticleReaderView.tsx";

/**
 * The article as readers will see it, from the version an editor is working on (or the published one), so a
 * draft can be checked before it is submitted. Reading it here is not counted as a view.
 */
export function ReaderPreviewPage() {
  const { t } = useTranslation();
  const { id = "", locale: asked } = useParams();
  const locale: Locale = isLocale(asked) ? asked : "ru";
  const { article, missing } = useArticle(id);
  const { categoryName } = useCategories();
  const [version, setVersion] = useState<VersionDto | null>(null);
  const [offices, setOffices] = useState<OfficeDto[]>([]);
  const baseId = article ? editorBase(article.versions.filter((v) => v.locale === locale), article.translations.find((x) => x.locale === locale)) : null;
  const officeIds = article?.officeIds.join(",") ?? "";

  useEffect(() => {
    if (baseId === null) {
      return;
    }
    const controller = new AbortController();
    const signal = controller.signal;
    const wanted = new Set(officeIds.split(","));
    Promise.all([api<VersionDto>(`/kb/versions/${baseId}`, { signal }), api<{ items: OfficeDto[] }>("/kb/offices", { signal })])
      .then(([v, o]) => {
        setVersion(v);
        setOffices(o.items.filter((x) => x.active && wanted.has(x.id)));
      })
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, [baseId, officeIds]);

  const back = (
    <Anchor component={Link} to={`/knowledge/${id}?lang=${locale}`} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t("kbEditor.preview.back")}
      </Group>
    </Anchor>
  );
  if (missing || (article !== null && baseId === null)) {
    return (
      <Stack>
        {back}
        <Text c="dimmed">{t("kbEditor.preview.nothing")}</Text>
      </Stack>
    );
  }
  if (article === null || version === null) {
    return <FullPageLoader />;
  }
  return (
    <Stack maw={900}>
      {back}
      <Alert color="gray" icon={<IconEye aria-hidden />}>
        {t("kbEditor.preview.banner", { number: version.number, state: t(`kbEditor.versionState.${version.state}`), language: t(`locale.${locale}`) })}
      </Alert>
      <Card withBorder p="xl">
        <ArticleReaderView version={version} category={categoryName(article.categoryId)} offices={offices} />
      </Card>
    </Stack>
  );
}
