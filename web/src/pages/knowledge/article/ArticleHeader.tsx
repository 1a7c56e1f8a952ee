import type { ArticleDto } from "@bailanys/common/api/kb";
import type { Locale } from "@bailanys/common/locales";
import { Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconArchive, IconArrowLeft, IconEye, IconRestore } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api } from "../../../api/client.ts";
import { useSave } from "../../../hooks/useSave.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useSession } from "../../../session/useSession.ts";
import { articleTitle } from "../articles/translationState.ts";

interface Props {
  article: ArticleDto;
  /** The language tab open, for the reader's preview. */
  tab: Locale;
  onChanged: (article: ArticleDto) => void;
}

/** The article's title and code, back to the list, the reader's preview, archive or restore. */
export function ArticleHeader({ article, tab, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { can } = useSession();
  const { busy, save } = useSave();
  const toggle = () =>
    save(
      async () => onChanged(await api<ArticleDto>(`/kb/articles/${article.id}/${article.archived ? "restore" : "archive"}`, { method: "POST" })),
      [],
      t(article.archived ? "kbEditor.article.restored" : "kbEditor.article.archived"),
    );

  return (
    <Stack gap={4}>
      <Anchor component={Link} to="/knowledge" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("kbEditor.article.back")}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{articleTitle(article, locale)}</Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed" ff="monospace">
              {article.code}
            </Text>
            {article.archived && (
              <Badge color="gray" tt="none">
                {t("kbEditor.states.archived")}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          <Button component={Link} to={`/knowledge/${article.id}/preview/${tab}`} variant="default" leftSection={<IconEye size={16} aria-hidden />} data-testid="kb-preview-link">
            {t("kbEditor.article.preview")}
          </Button>
          {can("kb.publish") && (
            <Button variant="light" color={article.archived ? "teal" : "gray"} loading={busy} onClick={() => void toggle()} leftSection={article.archived ? <IconRestore size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />} data-testid="kb-archive">
              {t(article.archived ? "kbEditor.article.restore" : "kbEditor.article.archive")}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
