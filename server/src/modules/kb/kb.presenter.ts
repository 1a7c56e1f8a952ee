import type { ArticleDto, ArticleListItemDto, EditorAttachmentDto, TranslationStateDto, VersionDto, VersionSummaryDto } from "@bailanys/common/api/kb";
import type { Selectable } from "kysely";
import type { KbAttachmentsTable } from "../../db/schema-kb.ts";
import type { ArticleRow, VersionRow, VersionWithPeople } from "./kb.repository.ts";

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

export function presentVersion(row: VersionWithPeople): VersionDto {
  return {
    id: row.id,
    articleId: row.article_id,
    locale: row.locale,
    number: row.number,
    state: row.state,
    title: row.title,
    body: row.body,
    facts: row.facts,
    sourceTitle: row.source_title,
    sourceReference: row.source_reference,
    sourceDate: row.source_date,
    validFrom: row.valid_from,
    reviewBy: row.review_by,
    changeNote: row.change_note,
    author: { id: row.author_id, fullName: row.author_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: iso(row.submitted_at),
    reviewer: row.reviewed_by !== null ? { id: row.reviewed_by, fullName: row.reviewer_name ?? "" } : null,
    reviewedAt: iso(row.reviewed_at),
    reviewComment: row.review_comment,
    publishedAt: iso(row.published_at),
  };
}

export function presentVersionSummary(row: VersionWithPeople): VersionSummaryDto {
  return {
    id: row.id,
    locale: row.locale,
    number: row.number,
    state: row.state,
    title: row.title,
    author: { id: row.author_id, fullName: row.author_name },
    updatedAt: row.updated_at.toISOString(),
    publishedAt: iso(row.published_at),
    changeNote: row.change_note,
    reviewer: row.reviewed_by !== null ? { id: row.reviewed_by, fullName: row.reviewer_name ?? "" } : null,
    reviewComment: row.review_comment,
  };
}

/** Per language: the published version and the open one (draft, under review or scheduled), from all of an article's versions. */
export function translationStates(versions: Pick<VersionRow, "id" | "locale" | "number" | "state" | "title" | "review_by" | "valid_from" | "published_at">[]): TranslationStateDto[] {
  const byLocale = new Map<VersionRow["locale"], TranslationStateDto>();
  for (const version of [...versions].sort((a, b) => b.number - a.number)) {
    const entry = byLocale.get(version.locale) ?? { locale: version.locale, title: version.title, published: null, open: null };
    if (version.state === "published" && version.published_at !== null) {
      entry.published = { id: version.id, number: version.number, reviewBy: version.review_by, validFrom: version.valid_from, publishedAt: version.published_at.toISOString() };
      entry.title = version.title;
    } else if (version.state === "draft" || version.state === "review" || version.state === "scheduled") {
      entry.open = { id: version.id, number: version.number, state: version.state, validFrom: version.valid_from };
      if (entry.published === null) {
        entry.title = version.title;
      }
    }
    byLocale.set(version.locale, entry);
  }
  const order = { kk: 0, ru: 1, en: 2 } as const;
  return [...byLocale.values()].sort((a, b) => order[a.locale] - order[b.locale]);
}

export function presentListItem(article: ArticleRow, versions: Parameters<typeof translationStates>[0]): ArticleListItemDto {
  return {
    id: article.id,
    code: article.code,
    categoryId: article.category_id,
    audience: article.audience,
    tags: article.tags,
    translations: translationStates(versions),
    updatedAt: article.updated_at.toISOString(),
    archived: article.archived_at !== null,
  };
}

export function presentArticle(
  article: ArticleRow,
  versions: VersionWithPeople[],
  links: { relatedIds: string[]; officeIds: string[] },
  attachments: ArticleDto["attachments"],
): ArticleDto {
  return {
    ...presentListItem(article, versions),
    relatedIds: links.relatedIds,
    officeIds: links.officeIds,
    versions: versions.map(presentVersionSummary),
    attachments,
  };
}

export function presentEditorAttachment(row: Pick<Selectable<KbAttachmentsTable>, "id" | "file_name" | "content_type" | "size_bytes" | "text_state" | "text_recognized">): EditorAttachmentDto {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes, textState: row.text_state, textRecognized: row.text_recognized };
}
