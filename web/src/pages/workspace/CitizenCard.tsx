import type { ContactDto } from "@bailanys/common/api/contacts";
import { Anchor, Badge, Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconShieldCheck, IconShieldQuestion } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useNow } from "../../realtime/useNow.ts";
import { formatDuration, waitedSeconds } from "./durations.ts";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {children === null || children === undefined || children === "" ? "—" : children}
      </Text>
    </div>
  );
}

/** Who is writing: the details given in the chat, the matched citizen record and where the contact came from. */
export function CitizenCard({ contact }: { contact: ContactDto }) {
  const { t } = useTranslation();
  const now = useNow();
  const citizen = contact.citizen;

  return (
    <Paper withBorder p="sm" component="section" aria-label={t("workspace.citizen.title")} data-testid="citizen-card">
      <Title order={2} size="h6" mb="xs">
        {t("workspace.citizen.title")}
      </Title>
      <Stack gap={6}>
        <Row label={t("workspace.citizen.visitorName")}>{contact.visitor.name}</Row>
        <Row label={t("workspace.citizen.phone")}>{contact.visitor.phone}</Row>
        <Row label={t("workspace.citizen.email")}>{contact.visitor.email}</Row>
        <div>
          <Text size="xs" c="dimmed">
            {t("workspace.citizen.record")}
          </Text>
          {citizen ? (
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>
                {citizen.name}
              </Text>
              <Badge
                size="sm"
                variant="light"
                color={citizen.verified ? "teal" : "gray"}
                leftSection={citizen.verified ? <IconShieldCheck size={12} aria-hidden /> : <IconShieldQuestion size={12} aria-hidden />}
                data-testid="citizen-verified"
                data-verified={citizen.verified}
              >
                {citizen.verified ? t("workspace.citizen.verified") : t("workspace.citizen.notVerified")}
              </Badge>
            </Group>
          ) : (
            <Text size="sm">{t("workspace.citizen.noRecord")}</Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t("workspace.citizen.verification")}
          </Text>
        </div>
        <Divider />
        <Row label={t("workspace.citizen.topic")}>{contact.topic?.name}</Row>
        <Group grow gap="xs" align="flex-start">
          <Row label={t("workspace.citizen.queue")}>{contact.queue?.name}</Row>
          <Row label={t("workspace.citizen.language")}>{contact.language.name}</Row>
        </Group>
        <Group grow gap="xs" align="flex-start">
          <Row label={t("workspace.citizen.channel")}>{contact.channel.name}</Row>
          <Row label={t("workspace.citizen.waited")}>{formatDuration(waitedSeconds(contact, now))}</Row>
        </Group>
        <Divider />
        <Title order={3} size="h6">
          {t("workspace.citizen.history")}
        </Title>
        {contact.appeals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("workspace.citizen.noAppeals")}
          </Text>
        ) : (
          <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {contact.appeals.map((appeal) => (
              <li key={appeal.id}>
                <Anchor component={Link} to={`/appeals/${appeal.id}`} size="sm" fw={600} target="_blank">
                  {appeal.number}
                </Anchor>
              </li>
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t("workspace.citizen.historyNote")}
        </Text>
      </Stack>
    </Paper>
  );
}
