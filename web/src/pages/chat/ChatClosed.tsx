import type { ChatConfig } from "@bailanys/common/api/contacts";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { IconExternalLink, IconMoonStars } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ChatHours } from "./ChatHours.tsx";

/**
 * Outside working hours: no form, so nobody types a question that no one will read; instead the hours and the
 * public status page (the notices above name the other channels when there is an interruption).
 */
export function ChatClosed({ config, embed }: { config: ChatConfig; embed: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="chat-closed">
      <IconMoonStars size={32} color="var(--mantine-color-bailanys-8)" aria-hidden />
      <Title order={2} fz="lg">
        {t("chat.closedTitle")}
      </Title>
      <Text size="sm">{t("chat.closedText")}</Text>
      <ChatHours hours={config.hours} />
      <Text size="sm">{t("chat.closedOther")}</Text>
      {/* In the widget's frame the status page opens in a tab of its own; on the hosted page it is a normal link. */}
      {embed ? (
        <Anchor href="/status" target="_blank" rel="noopener" size="sm">
          {t("chat.statusLink")} <IconExternalLink size={14} aria-hidden />
        </Anchor>
      ) : (
        <Anchor component={Link} to="/status" size="sm">
          {t("chat.statusLink")}
        </Anchor>
      )}
    </Stack>
  );
}
