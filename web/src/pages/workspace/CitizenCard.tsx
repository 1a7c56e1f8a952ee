import type { ContactDto } from "@bailanys/common/api/contacts";
import { Alert, Anchor, Button, Divider, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconArrowMerge, IconLink } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useNow } from "../../realtime/useNow.ts";
import { useSession } from "../../session/useSession.ts";
import { CardRow } from "./CardRow.tsx";
import { CitizenRecord, VerifiedBadge } from "./CitizenRecord.tsx";
import { CitizenTimeline } from "./CitizenTimeline.tsx";
import { formatDuration, waitedSeconds } from "./durations.ts";
import { LinkCitizenModal } from "./LinkCitizenModal.tsx";
import { MergeCitizenModal } from "./MergeCitizenModal.tsx";
import { useCitizenCard } from "./useCitizenCard.ts";
import { VerifyIdentityForm } from "./VerifyIdentityForm.tsx";

/** Appeals registered in this conversation, for when no record is matched yet and so there is no timeline. */
function ConversationAppeals({ appeals }: { appeals: ContactDto["appeals"] }) {
  const { t } = useTranslation();
  if (appeals.length === 0) {
    return null;
  }
  return (
    <CardRow label={t("workspace.citizen.thisAppeals")}>
      <Group gap={6} component="span">
        {appeals.map((appeal) => (
          <Anchor key={appeal.id} component={Link} to={`/appeals/${appeal.id}`} size="sm" fw={600} target="_blank">
            {appeal.number}
          </Anchor>
        ))}
      </Group>
    </CardRow>
  );
}

/**
 * Who is writing: the details given in the chat, the matched citizen record (masked until the identity is
 * verified here, R11.1), where the contact came from and the citizen's contacts and appeals on every channel (R32.2).
 */
export function CitizenCard({ contact }: { contact: ContactDto }) {
  const { t } = useTranslation();
  const now = useNow();
  const { me, can } = useSession();
  const { card, loading, error, change, retry } = useCitizenCard(contact);
  const [dialog, setDialog] = useState<"link" | "merge" | null>(null);
  // Only the operator handling the conversation may verify or re-link it (the server checks the same).
  const handling = me !== null && contact.agent?.id === me.id && contact.state !== "closed";
  const citizen = card?.citizen ?? null;

  return (
    <Paper withBorder p="sm" component="section" aria-label={t("workspace.citizen.title")} aria-busy={loading} data-testid="citizen-card">
      <Title order={2} size="h6" mb="xs">
        {t("workspace.citizen.title")}
      </Title>
      <Stack gap={6}>
        <CardRow label={t("workspace.citizen.visitorName")}>{contact.visitor.name}</CardRow>
        <Group grow gap="xs" align="flex-start">
          <CardRow label={t("workspace.citizen.phone")}>{contact.visitor.phone}</CardRow>
          <CardRow label={t("workspace.citizen.email")}>{contact.visitor.email}</CardRow>
        </Group>
        <Divider label={t("workspace.citizen.record")} labelPosition="left" />
        {card === null && loading && <Loader size="sm" aria-label={t("common.loading")} />}
        {error !== null && !loading && (
          <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />}>
            <Text size="sm">{t("workspace.citizen.loadFailed")}</Text>
            <Button size="compact-xs" variant="subtle" onClick={retry}>
              {t("workspace.citizen.retry")}
            </Button>
          </Alert>
        )}
        {card !== null &&
          (citizen !== null ? (
            <CitizenRecord card={card} citizen={citizen} />
          ) : (
            <Group gap={6} wrap="wrap">
              <Text size="sm">{t("workspace.citizen.noRecord")}</Text>
              <VerifiedBadge verified={card.verified} method={card.verifiedMethod} />
            </Group>
          ))}
        {card !== null && handling && !card.verified && <VerifyIdentityForm key={citizen?.id ?? "none"} contactId={contact.id} onVerify={change} />}
        {card !== null && handling && can("citizen.read") && (
          <Group gap={4}>
            <Button size="xs" variant="subtle" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setDialog("link")} data-testid="link-citizen">
              {t("workspace.link.open")}
            </Button>
            {/* A record the conversation is tied to may be another record of the same person (a senior's call). */}
            {citizen !== null && can("citizen.merge") && (
              <Button size="xs" variant="subtle" leftSection={<IconArrowMerge size={14} aria-hidden />} onClick={() => setDialog("merge")} data-testid="merge-citizen">
                {t("workspace.merge.open")}
              </Button>
            )}
          </Group>
        )}
        <Divider />
        <CardRow label={t("workspace.citizen.topic")}>{contact.topic?.name}</CardRow>
        <Group grow gap="xs" align="flex-start">
          <CardRow label={t("workspace.citizen.queue")}>{contact.queue?.name}</CardRow>
          <CardRow label={t("workspace.citizen.language")}>{contact.language.name}</CardRow>
        </Group>
        <Group grow gap="xs" align="flex-start">
          <CardRow label={t("workspace.citizen.channel")}>{contact.channel.name}</CardRow>
          <CardRow label={t("workspace.citizen.waited")}>{formatDuration(waitedSeconds(contact, now))}</CardRow>
        </Group>
        <Divider />
        <Title order={3} size="h6">
          {t("workspace.citizen.history")}
        </Title>
        {citizen === null ? <ConversationAppeals appeals={contact.appeals} /> : null}
        {card !== null && <CitizenTimeline items={card.timeline} contactId={contact.id} />}
      </Stack>
      {dialog === "link" && <LinkCitizenModal contactId={contact.id} currentId={citizen?.id ?? null} onLink={change} onClose={() => setDialog(null)} />}
      {dialog === "merge" && citizen !== null && <MergeCitizenModal contactId={contact.id} currentId={citizen.id} onMerge={change} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
