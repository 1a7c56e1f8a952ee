import { Alert, Button, Center, Drawer, Group, Loader, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconCheck, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiNoContent } from "../../api/client.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { KnowledgeArticle } from "./KnowledgeArticle.tsx";
import { KnowledgeSendMenu } from "./KnowledgeSendMenu.tsx";
import { useKbArticle, type KbArticleRequest } from "./useKbArticle.ts";

interface Props {
  request: KbArticleRequest | null;
  contactId: string | null;
  /** A newer version of the open article was published since it was loaded. */
  updated: boolean;
  onChange(request: KbArticleRequest | null): void;
}

/** The reader beside the conversation: the article, sending it to the citizen and "this answered it". */
export function KnowledgeReader({ request, contactId, updated, onChange }: Props) {
  const { t } = useTranslation();
  const state = useKbArticle(request, contactId);
  const [answered, setAnswered] = useState<string | null>(null);
  const [marking, setMarking] = useState(false);
  const article = state.status === "ready" ? state.article : null;
  const answeredKey = article && contactId ? `${article.id}:${contactId}` : null;

  const markAnswered = async () => {
    if (article === null || contactId === null) {
      return;
    }
    setMarking(true);
    try {
      await apiNoContent(`/kb/articles/${article.id}/use`, { method: "POST", json: { kind: "answered", locale: article.locale, contactId } });
      setAnswered(answeredKey);
      notifySuccess(t("workspace.knowledge.answeredSaved"));
    } catch (error) {
      notifyError(error);
    } finally {
      setMarking(false);
    }
  };

  return (
    <Drawer
      opened={request !== null}
      onClose={() => onChange(null)}
      position="right"
      size={480}
      // Not modal: the operator keeps writing to the citizen while the article is open beside the conversation.
      withOverlay={false}
      lockScroll={false}
      trapFocus={false}
      shadow="xl"
      title={article?.title ?? t("workspace.knowledge.reader")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
      data-testid="kb-reader"
    >
      {state.status === "loading" && (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {state.status === "failed" && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("workspace.knowledge.loadFailed")}>
          {state.message}
        </Alert>
      )}
      {article && request && (
        <Stack gap="sm">
          {updated && (
            <Alert color="orange" icon={<IconRefresh aria-hidden />} data-testid="kb-updated" role="status">
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t("workspace.knowledge.updated")}</Text>
                <Button size="compact-xs" variant="white" color="dark" onClick={() => onChange({ ...request, reload: request.reload + 1 })} data-testid="kb-reload">
                  {t("workspace.knowledge.reload")}
                </Button>
              </Group>
            </Alert>
          )}
          {contactId !== null && (
            <Group gap="xs">
              {article.audience === "public" ? (
                <KnowledgeSendMenu article={article} contactId={contactId} />
              ) : (
                <Text size="xs" c="dark.4">
                  {t("workspace.knowledge.internalOnly")}
                </Text>
              )}
              <Button
                size="xs"
                variant="light"
                color="teal.9"
                leftSection={<IconCheck size={14} aria-hidden />}
                loading={marking}
                disabled={answered === answeredKey}
                onClick={() => void markAnswered()}
                data-testid="kb-answered"
              >
                {answered === answeredKey ? t("workspace.knowledge.answeredDone") : t("workspace.knowledge.answered")}
              </Button>
            </Group>
          )}
          <KnowledgeArticle
            article={article}
            onLocale={(locale) => onChange({ articleId: article.id, locale, reload: request.reload })}
            onOpenRelated={(articleId) => onChange({ articleId, locale: article.locale, reload: 0 })}
          />
        </Stack>
      )}
    </Drawer>
  );
}
