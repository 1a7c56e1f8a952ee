import type { ArticleViewDto } from "@bailanys/common/api/kb";
import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/formatDateTime.ts";

interface Props {
  article: Pick<ArticleViewDto, "sourceTitle" | "sourceReference" | "sourceDate" | "validFrom" | "reviewBy" | "publishedAt">;
  /** Staff also see when the text is due for review. */
  showReview?: boolean;
}

/** The legal act the text rests on (R22.5) and its dates: valid from, published, (for staff) review by. */
export function ArticleSource({ article, showReview = false }: Props) {
  const { t } = useTranslation();
  const source = [article.sourceTitle, article.sourceReference, article.sourceDate ? t("kbPortal.article.sourceOf", { date: formatDate(article.sourceDate) }) : ""]
    .filter((part) => part !== "")
    .join(", ");
  const dates = [
    article.validFrom ? t("kbPortal.article.validFrom", { date: formatDate(article.validFrom) }) : "",
    t("kbPortal.article.published", { date: formatDate(article.publishedAt) }),
    showReview && article.reviewBy ? t("kbPortal.article.reviewBy", { date: formatDate(article.reviewBy) }) : "",
  ].filter((part) => part !== "");
  return (
    <Stack gap={2} data-testid="kb-source">
      {source !== "" && (
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t("kbPortal.article.source")}:
          </Text>{" "}
          {source}
        </Text>
      )}
      <Text size="xs" c="dark.4">
        {dates.join(" · ")}
      </Text>
    </Stack>
  );
}
