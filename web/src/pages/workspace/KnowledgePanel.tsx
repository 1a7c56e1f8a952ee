import type { SearchHitDto, SearchResultDto } from "@bailanys/common/api/kb";
import { Loader, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { correctedQuery } from "../../components/kb/kbLinks.ts";
import { useDebouncedSearch } from "../../hooks/useDebouncedSearch.ts";
import type { StaffSocket } from "../../realtime/staffSocket.ts";
import { KnowledgeHitList } from "./KnowledgeHitList.tsx";
import { KnowledgeReader } from "./KnowledgeReader.tsx";
import type { KbArticleRequest } from "./useKbArticle.ts";
import { useKbFrames } from "./useKbFrames.ts";
import { useKbSuggestions } from "./useKbSuggestions.ts";

interface Props {
  socket: StaffSocket;
  /** The conversation in front of the operator, if any: its id and the citizen's language. */
  contact: { id: string; locale: string } | null;
  /** The seq of the citizen's last message: suggestions follow what the citizen writes. */
  citizenSeq: number;
}

/** The knowledge base beside the conversation (R10): suggestions, search, and the reader with "send" and "answered". */
export function KnowledgePanel({ socket, contact, citizenSeq }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<KbArticleRequest | null>(null);
  const [stale, setStale] = useState(false);
  const frames = useKbFrames(socket);
  const contactId = contact?.id ?? null;
  const suggestions = useKbSuggestions(contactId, citizenSeq, frames.revision);
  // Searches inside a conversation count for the gap list; the citizen's language comes first.
  const search = useDebouncedSearch<SearchResultDto>(query, `${contactId ?? ""}|${contact?.locale ?? ""}|${frames.revision}`, (q, signal) =>
    api<SearchResultDto>("/kb/search", { query: { q, lang: contact?.locale, contactId: contactId ?? undefined }, signal }),
  );

  useEffect(() => {
    if (frames.last !== null && frames.last.articleId !== null && frames.last.articleId === open?.articleId) {
      setStale(true);
    }
    // Only a new frame says the open article changed: opening another one clears the notice where it is set.
  }, [frames]);

  const openHit = (hit: SearchHitDto) => change({ articleId: hit.articleId, locale: hit.locale, reload: 0 });
  const change = (request: KbArticleRequest | null) => {
    setStale(false);
    setOpen(request);
  };

  const searching = search.pending !== null;
  const fixed = search.result ? correctedQuery(search.query ?? "", search.result.corrections) : null;

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="kb-panel-title" data-testid="kb-panel">
      <Title order={2} size="h6" mb="xs" id="kb-panel-title">
        {t("workspace.knowledge.title")}
      </Title>
      <TextInput
        size="xs"
        type="search"
        aria-label={t("workspace.knowledge.search")}
        placeholder={t("workspace.knowledge.searchPlaceholder")}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={search.loading ? <Loader size={12} aria-label={t("common.loading")} /> : null}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maxLength={200}
        data-testid="kb-search"
      />
      <Stack gap={6} mt="xs" aria-live="polite">
        {searching ? (
          <>
            {search.error !== null && (
              <Text size="xs" c="red.9" role="alert">
                {search.error}
              </Text>
            )}
            {fixed !== null && (
              <Text size="xs" c="dark.4" data-testid="kb-corrected">
                {t("workspace.knowledge.showingFor", { q: fixed })}
              </Text>
            )}
            {search.result && search.result.items.length === 0 && !search.loading && (
              <Text size="xs" c="dark.4">
                {t("workspace.knowledge.noResults")}
              </Text>
            )}
            {search.result && search.result.items.length > 0 && <KnowledgeHitList hits={search.result.items} onOpen={openHit} testId="kb-results" />}
          </>
        ) : contactId === null ? (
          <Text size="xs" c="dark.4">
            {t("workspace.knowledge.noContact")}
          </Text>
        ) : (
          <>
            <Title order={3} size="xs" fw={600} c="dark.5">
              {t("workspace.knowledge.suggestions")}
            </Title>
            {suggestions === null ? (
              <Loader size="xs" aria-label={t("common.loading")} />
            ) : suggestions.length === 0 ? (
              <Text size="xs" c="dark.4">
                {t("workspace.knowledge.noSuggestions")}
              </Text>
            ) : (
              <KnowledgeHitList hits={suggestions} onOpen={openHit} testId="kb-suggestions" />
            )}
          </>
        )}
      </Stack>
      <KnowledgeReader request={open} contactId={contactId} updated={stale} onChange={change} />
    </Paper>
  );
}
