import type { CitizenCardDto } from "@bailanys/common/api/contacts";
import { isLocale } from "@bailanys/common/locales";
import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconShieldCheck, IconShieldQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/formatDateTime.ts";
import { CardRow } from "./CardRow.tsx";

type Citizen = NonNullable<CitizenCardDto["citizen"]>;

/** Whether the record is verified in this conversation, and by what (the badge browser tests read). */
export function VerifiedBadge({ verified, method }: { verified: boolean; method: string | null }) {
  const { t } = useTranslation();
  const text = !verified ? t("workspace.citizen.notVerified") : method === "iin_phone" ? t("workspace.citizen.verifiedIinPhone") : t("workspace.citizen.verified");
  return (
    <Badge
      size="sm"
      variant="light"
      color={verified ? "teal" : "orange"}
      leftSection={verified ? <IconShieldCheck size={12} aria-hidden /> : <IconShieldQuestion size={12} aria-hidden />}
      style={{ textTransform: "none" }}
      data-testid="citizen-verified"
      data-verified={verified}
    >
      {text}
    </Badge>
  );
}

/**
 * The matched record. The server masks it until the identity is verified here (R11.1); the masked fields say
 * so instead of showing a dash, so the operator knows the data exists and what unlocks it.
 */
export function CitizenRecord({ card, citizen }: { card: CitizenCardDto; citizen: Citizen }) {
  const { t } = useTranslation();
  const hidden = card.verified ? t("workspace.citizen.hiddenNoAccess") : t("workspace.citizen.hidden");
  const guarded = (value: string | null) => (citizen.masked ? <span data-testid="citizen-masked">{hidden}</span> : value);
  const language = isLocale(citizen.preferredLanguage) ? t(`locale.${citizen.preferredLanguage}`) : citizen.preferredLanguage;

  return (
    <Stack gap={6}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600} data-testid="citizen-name">
          {citizen.fullName}
        </Text>
        <VerifiedBadge verified={card.verified} method={card.verifiedMethod} />
      </Group>
      <Group grow gap="xs" align="flex-start">
        <CardRow label={t("workspace.citizen.iin")} dimmed={citizen.masked}>
          {guarded(citizen.iin)}
        </CardRow>
        <CardRow label={t("workspace.citizen.recordPhone")} dimmed={citizen.masked}>
          {guarded(citizen.phone)}
        </CardRow>
      </Group>
      <Group grow gap="xs" align="flex-start">
        <CardRow label={t("workspace.citizen.email")} dimmed={citizen.masked}>
          {guarded(citizen.email)}
        </CardRow>
        <CardRow label={t("workspace.citizen.address")} dimmed={citizen.masked}>
          {guarded(citizen.address)}
        </CardRow>
      </Group>
      <Group grow gap="xs" align="flex-start">
        <CardRow label={t("workspace.citizen.preferredLanguage")}>{language}</CardRow>
        <CardRow label={t("workspace.citizen.consent")}>
          {citizen.consentGivenAt ? t("workspace.citizen.consentGiven", { date: formatDate(citizen.consentGivenAt) }) : t("workspace.citizen.noConsent")}
        </CardRow>
      </Group>
    </Stack>
  );
}
