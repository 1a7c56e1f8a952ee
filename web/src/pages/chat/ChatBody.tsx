import { Alert, Box, Button, Center, Loader, Stack } from "@mantine/core";
import { IconAlertCircle, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { mergeNotices } from "./chatFormat.ts";
import { ChatClosed } from "./ChatClosed.tsx";
import { ChatConversation } from "./ChatConversation.tsx";
import { ServiceNotices } from "../../components/ServiceNotices.tsx";
import { ChatStartForm } from "./ChatStartForm.tsx";
import { ReconnectingBanner } from "./ReconnectingBanner.tsx";
import type { ChatConfigState } from "./useChatConfig.ts";
import type { ChatSession } from "./useChatSession.ts";

interface Props {
  tenant: string;
  embed: boolean;
  config: ChatConfigState;
  session: ChatSession;
}

const scrolling = { flex: 1, minHeight: 0, overflowY: "auto" } as const;
const blackTitle = { title: { color: "var(--mantine-color-black)" } };

/** Which screen of the chat to show: the form (or "closed"), a loader while reconnecting, or the conversation. */
export function ChatBody({ tenant, embed, config, session }: Props) {
  const { t } = useTranslation();
  if (tenant === "") {
    return (
      <Alert m="md" color="red" icon={<IconAlertCircle aria-hidden />} role="alert" styles={blackTitle}>
        {t("chat.noTenant")}
      </Alert>
    );
  }
  const loaded = config.config;
  if (loaded === null) {
    return config.error === null ? (
      <Center flex={1}>
        <Loader aria-label={t("common.loading")} />
      </Center>
    ) : (
      <Alert m="md" color="red" icon={<IconAlertCircle aria-hidden />} title={t("chat.configFailed")} role="alert" styles={blackTitle}>
        <Stack gap="xs" align="flex-start">
          {config.error}
          <Button size="xs" variant="default" onClick={config.reload}>
            {t("chat.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  const status = session.state.status;
  const notices = mergeNotices(loaded.notices, status?.notices ?? null);
  if (session.chat === null) {
    return (
      <Box style={scrolling}>
        <ServiceNotices notices={notices} px="md" pt="sm" />
        <Box p="md">
          {session.expired && (
            <Alert color="blue" mb="sm" icon={<IconInfoCircle aria-hidden />} styles={blackTitle}>
              {t("chat.sessionExpired")}
            </Alert>
          )}
          {loaded.open ? <ChatStartForm config={loaded} onStart={session.start} onClosed={config.reload} /> : <ChatClosed config={loaded} embed={embed} />}
        </Box>
      </Box>
    );
  }
  if (status === null) {
    return (
      <>
        {session.connection === "offline" && <ReconnectingBanner />}
        <Center flex={1}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      </>
    );
  }
  return <ChatConversation session={session} status={status} config={loaded} notices={notices} />;
}
