import type { ArticleDto } from "@bailanys/common/api/kb";
import type { Locale } from "@bailanys/common/locales";
import { Alert, Loader, Stack, Title } from "@mantine/core";
import { IconMessageReport } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../../session/useSession.ts";
import { DraftEditor } from "./DraftEditor.tsx";
import { ReviewActions } from "./ReviewActions.tsx";
import { ScheduledNotice } from "./ScheduledNotice.tsx";
import { VersionHistory } from "./VersionHistory.tsx";
import { editorBase, emptyDraft, versionToForm } from "./draftForm.ts";
import { useVersions } from "./useVersions.ts";

interface Props {
  article: ArticleDto;
  locale: Locale;
  onChanged: () => void;
}

/** One language of an article: its draft editor (or the version under review), then its version history. */
export function TranslationPanel({ article, locale, onChanged }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const summaries = article.versions.filter((v) => v.locale === locale).sort((a, b) => b.number - a.number);
  const translation = article.translations.find((x) => x.locale === locale);
  const baseId = editorBase(summaries, translation);
  const full = useVersions(
    summaries.map((v) => v.id),
    summaries.map((v) => `${v.id}:${v.state}:${v.updatedAt}`).join(","),
  );
  const base = baseId === null ? null : (full?.get(baseId) ?? null);
  if (baseId !== null && base === null) {
    return <Loader size="sm" aria-label={t("common.loading")} />;
  }
  const inReview = base?.state === "review";
  // Approved and waiting for its date: frozen like a version under review until published or withdrawn.
  const frozen = inReview || base?.state === "scheduled";

  return (
    <Stack>
      {base?.state === "rejected" && (
        <Alert color="orange" icon={<IconMessageReport aria-hidden />} title={t("kbEditor.review.sentBack", { number: base.number })}>
          {base.reviewComment}
          {base.reviewer ? ` — ${base.reviewer.fullName}` : ""}
        </Alert>
      )}
      {inReview && <ReviewActions version={base} onChanged={onChanged} />}
      {base?.state === "scheduled" && <ScheduledNotice version={base} onChanged={onChanged} />}
      <DraftEditor
        key={`${locale}-${frozen ? `frozen-${base.id}` : "edit"}`}
        articleId={article.id}
        locale={locale}
        initial={base ? versionToForm(base) : emptyDraft()}
        canWrite={can("kb.write") && !frozen && !article.archived}
        onChanged={onChanged}
      />
      <Title order={3} size="h5" mt="md">
        {t("kbEditor.history.title")}
      </Title>
      <VersionHistory summaries={summaries} full={full} />
    </Stack>
  );
}
