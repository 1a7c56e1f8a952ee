import { Box, Grid, Paper, Text, Textarea } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ArticleMarkdown } from "../../../components/kb/ArticleMarkdown.tsx";

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  readOnly?: boolean;
}

/** The body in Markdown beside its live preview as readers will see it. */
export function MarkdownField({ value, onChange, error, readOnly = false }: Props) {
  const { t } = useTranslation();
  const previewId = useId();
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Textarea
          label={t("kbEditor.draft.body")}
          description={t("kbEditor.draft.bodyHint")}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          autosize
          minRows={12}
          maxRows={30}
          maxLength={100_000}
          readOnly={readOnly}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
          data-testid="kb-body"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Text size="sm" fw={500} id={previewId} mb={4}>
          {t("kbEditor.draft.preview")}
        </Text>
        <Paper withBorder p="sm" mih={200} role="region" aria-labelledby={previewId} data-testid="kb-preview">
          {value.trim() === "" ? (
            <Text size="sm" c="dimmed">
              {t("kbEditor.draft.previewEmpty")}
            </Text>
          ) : (
            <Box>
              <ArticleMarkdown body={value} titleLevel={3} />
            </Box>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
