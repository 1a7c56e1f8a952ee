import type { OfferDto } from "@bailanys/common/api/contacts";
import { Stack, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNow } from "../../realtime/useNow.ts";
import type { OfferClock } from "./agentState.ts";
import { OfferCard } from "./OfferCard.tsx";

interface Props {
  offers: readonly OfferDto[];
  deadlines: Readonly<Record<string, OfferClock>>;
  deciding: string | null;
  onAccept: (offer: OfferDto) => void;
  onDecline: (offer: OfferDto) => void;
}

/** Pending offers above the conversations; one that ran out locally is hidden (the server's snapshot confirms). */
export function OffersPanel({ offers, deadlines, deciding, onAccept, onDecline }: Props) {
  const { t } = useTranslation();
  const now = useNow(500);
  const open = offers.filter((o) => (deadlines[o.id]?.deadline ?? 0) > now);
  if (open.length === 0) {
    return null;
  }
  return (
    <Stack gap="xs" component="section" aria-label={t("workspace.offers.title")}>
      <Title order={2} size="h5">
        {t("workspace.offers.title")}
      </Title>
      {/* Announced once per offer, not on every tick of the countdowns. */}
      <VisuallyHidden aria-live="assertive">{open.map((o) => o.contact.visitor.name ?? t("workspace.offers.visitor")).join(", ")}</VisuallyHidden>
      {open.map((offer) => (
        <OfferCard
          key={offer.id}
          offer={offer}
          clock={deadlines[offer.id] ?? { deadline: now, seconds: 1 }}
          now={now}
          busy={deciding === offer.id}
          onAccept={() => onAccept(offer)}
          onDecline={() => onDecline(offer)}
        />
      ))}
    </Stack>
  );
}
