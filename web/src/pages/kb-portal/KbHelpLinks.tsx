import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconBuilding, IconMessageCircle, IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

interface Props {
  tenant: string;
  locale: string;
}

/** Where to go when the answers are not enough: the chat, the offices, an appeal's status. */
export function KbHelpLinks({ tenant, locale }: Props) {
  const { t } = useTranslation();
  const query = new URLSearchParams({ tenant, lang: locale }).toString();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="kb-help-title">
      <Stack gap={6}>
        <Title order={2} size="h4" id="kb-help-title">
          {t("kbPortal.chatTitle")}
        </Title>
        <Text size="sm">{t("kbPortal.chatText")}</Text>
        <Group gap="lg">
          <Anchor component={Link} to={`/chat?${query}`} fw={600} data-testid="kb-portal-chat">
            <IconMessageCircle size={16} aria-hidden style={{ verticalAlign: "-3px", marginRight: 4 }} />
            {t("kbPortal.chatLink")}
          </Anchor>
          <Anchor component={Link} to={`/kb/offices?${query}`} data-testid="kb-portal-offices">
            <IconBuilding size={16} aria-hidden style={{ verticalAlign: "-3px", marginRight: 4 }} />
            {t("kbPortal.officesLink")}
          </Anchor>
          <Anchor component={Link} to={`/status?${query}`}>
            <IconSearch size={16} aria-hidden style={{ verticalAlign: "-3px", marginRight: 4 }} />
            {t("kbPortal.statusLink")}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
