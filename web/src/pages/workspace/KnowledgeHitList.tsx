import type { SearchHitDto } from "@bailanys/common/api/kb";
import { Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { HighlightedSnippet } from "../../components/kb/HighlightedSnippet.tsx";
import { KnowledgeAudienceBadge } from "./KnowledgeAudienceBadge.tsx";

interface Props {
  hits: readonly SearchHitDto[];
  onOpen(hit: SearchHitDto): void;
  testId: string;
}

/** Found or suggested articles: title (opens the reader), internal/public, and the snippet with the matches marked. */
export function KnowledgeHitList({ hits, onOpen, testId }: Props) {
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: "none" }} data-testid={testId}>
      {hits.map((hit) => (
        <li key={`${hit.articleId}:${hit.locale}`}>
          <UnstyledButton
            onClick={() => onOpen(hit)}
            w="100%"
            p={6}
            style={{ borderRadius: "var(--mantine-radius-sm)", border: "1px solid var(--mantine-color-gray-3)" }}
            data-testid="kb-hit"
            data-code={hit.code}
          >
            <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
              <Text size="sm" fw={600} c="bailanys.8" style={{ overflowWrap: "anywhere" }}>
                {hit.title}
              </Text>
              <KnowledgeAudienceBadge audience={hit.audience} />
            </Group>
            {hit.snippet !== "" && <HighlightedSnippet snippet={hit.snippet} ranges={hit.ranges} size="xs" mt={2} lineClamp={3} />}
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
