import type { TranslationStateDto } from "@bailanys/common/api/kb";
import { Badge, Stack, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { translationBadges, type TranslationBadge } from "./translationState.ts";

const COLOR = { missing: "gray", draft: "yellow", review: "blue", scheduled: "violet", published: "teal" } as const;

/** One badge per language saying what it has: published vN (and a pending draft or review), a draft, a review, nothing. */
export function TranslationBadges({ translations }: { translations: readonly TranslationStateDto[] }) {
  const { t } = useTranslation();
  const text = (b: TranslationBadge): string => {
    switch (b.kind) {
      case "missing":
        return t("kbEditor.badge.missing");
      case "draft":
        return t("kbEditor.badge.draft");
      case "review":
        return t("kbEditor.badge.review");
      case "scheduled":
        return t("kbEditor.badge.scheduled");
      case "published":
        return b.pending === null ? t("kbEditor.badge.published", { number: b.number }) : `${t("kbEditor.badge.published", { number: b.number })} + ${t(`kbEditor.badge.${b.pending}`)}`;
    }
  };
  return (
    <Stack gap={4} align="flex-start">
      {translationBadges(translations).map((b) => {
        const label = text(b);
        return (
          <Tooltip key={b.locale} label={`${t(`locale.${b.locale}`)}: ${label}`}>
            <Badge color={COLOR[b.kind]} variant={b.kind === "missing" ? "outline" : "light"} tt="none" styles={{ label: { whiteSpace: "nowrap", overflow: "visible" } }} data-testid={`kb-badge-${b.locale}`} data-kind={b.kind} aria-label={`${t(`locale.${b.locale}`)}: ${label}`}>
              {b.locale}: {label}
            </Badge>
          </Tooltip>
        );
      })}
    </Stack>
  );
}
