import type { SearchResultDto } from "@bailanys/common/api/kb";
import { Anchor, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { IconBulb, IconExternalLink } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { kbPublicApi } from "../../api/kbPublicApi.ts";
import { portalArticleHref } from "../../components/kb/kbLinks.ts";
import { useDebouncedSearch } from "../../hooks/useDebouncedSearch.ts";

interface Props {
  tenant: string;
  /** The language of the conversation the citizen chose. */
  lang: string;
  /** What the citizen is typing as their question. */
  question: string;
}

/** At most this many answers: a hint, not a search page. */
const SHOWN = 3;
/** A few words are needed before a guess is worth showing (and the public search is rate-limited). */
const MIN_LETTERS = 5;
const DEBOUNCE_MS = 700;

/** R12.3: while the citizen writes the question, public answers that may settle it; the chat can still be started. */
export function ChatKbSuggestions({ tenant, lang, question }: Props) {
  const { t } = useTranslation();
  const text = question.trim().length >= MIN_LETTERS ? question : "";
  const search = useDebouncedSearch<SearchResultDto>(text, `${tenant}|${lang}`, (q, signal) => kbPublicApi.search(tenant, lang, q, { limit: SHOWN, signal }), DEBOUNCE_MS);
  const hits = text === "" ? [] : (search.result?.items ?? []).slice(0, SHOWN);

  return (
    <div aria-live="polite" data-testid="chat-kb-suggestions">
      {hits.length > 0 && (
        <Paper withBorder p="sm" bg="blue.0" style={{ borderColor: "var(--mantine-color-blue-3)" }}>
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              <IconBulb size={16} aria-hidden style={{ verticalAlign: "-3px", marginRight: 4 }} />
              {t("kbPortal.chatSuggest.title")}
            </Text>
            <Stack component="ul" gap={4} m={0} pl="md">
              {hits.map((hit) => (
                <li key={`${hit.articleId}:${hit.locale}`} lang={hit.locale}>
                  <Anchor href={portalArticleHref(hit.code, tenant, hit.locale)} target="_blank" rel="noopener" size="sm" c="blue.9" data-testid="chat-kb-suggestion">
                    {hit.title}
                    <IconExternalLink size={12} aria-hidden style={{ marginLeft: 4, verticalAlign: "-1px" }} />
                    <VisuallyHidden>{t("kbPortal.chatSuggest.newTab")}</VisuallyHidden>
                  </Anchor>
                </li>
              ))}
            </Stack>
            <Text size="xs" c="dark.5">
              {t("kbPortal.chatSuggest.hint")}
            </Text>
          </Stack>
        </Paper>
      )}
    </div>
  );
}
