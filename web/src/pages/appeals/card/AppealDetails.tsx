import type { AppealDto } from "@bailanys/common/api/appeals";
import { APPEAL_FORMS } from "@bailanys/common/api/appeals";
import { Anchor, Card, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { InfoGrid } from "../../../components/InfoGrid.tsx";

/** Everything registered about the appeal itself. */
export function AppealDetails({ card }: { card: AppealDto }) {
  const { t } = useTranslation();
  const form = APPEAL_FORMS.find((f) => f === card.form);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("card.details")}
      </Title>
      <InfoGrid
        items={[
          { label: t("appeals.type"), value: card.type.name },
          { label: t("appeals.kind"), value: card.kind.name },
          { label: t("appeals.category"), value: card.category ? `${card.category.code} — ${card.category.name}` : null },
          { label: t("appeals.criticality"), value: card.criticality.name },
          { label: t("appeals.channel"), value: card.channel.name },
          { label: t("appeals.form"), value: form ? t(`appealFormKind.${form}`) : card.form },
          { label: t("appeals.language"), value: card.language.name },
          { label: t("appeals.body"), value: card.body.name },
          { label: t("appeals.unit"), value: card.unit?.name },
          { label: t("appeals.position"), value: card.position?.name },
          { label: t("appeals.assignee"), value: card.assignee?.name },
          { label: t("appeals.receivedAt"), value: formatDateTime(card.receivedAt) },
          { label: t("appeals.receivedBy"), value: card.receivedBy },
          {
            label: t("card.term"),
            value: card.termUnit === "CD" ? t("dueDate.calendarDays", { count: card.term }) : t("dueDate.workingDays", { count: card.term }),
          },
          ...(card.parent
            ? [{ label: t("card.parent"), value: <Anchor component={Link} to={`/appeals/${card.parent.id}`}>{card.parent.number}</Anchor> }]
            : []),
          ...(card.duplicateOf
            ? [{ label: t("card.duplicateOf"), value: <Anchor component={Link} to={`/appeals/${card.duplicateOf.id}`}>{card.duplicateOf.number}</Anchor> }]
            : []),
          ...(card.outcome ? [{ label: t("card.outcome"), value: outcomeLabel(card.outcome, t) }] : []),
          ...(card.answerCharacter ? [{ label: t("card.answerCharacter"), value: answerLabel(card.answerCharacter, t) }] : []),
          { label: t("appeals.subject"), value: card.subject, wide: true },
          { label: t("appeals.text"), value: card.text, wide: true },
          ...(card.answerText ? [{ label: t("card.answerText"), value: card.answerText, wide: true }] : []),
        ]}
      />
    </Card>
  );
}

// The plain TFunction: ReturnType of the generic hook makes tsc expand every key prefix and give up (TS2589).
type T = TFunction;

function outcomeLabel(outcome: string, t: T): string {
  switch (outcome) {
    case "confirmed":
      return t("outcome.confirmed");
    case "not_confirmed":
      return t("outcome.not_confirmed");
    default:
      return outcome;
  }
}

function answerLabel(answer: string, t: T): string {
  switch (answer) {
    case "explained":
      return t("answerCharacter.explained");
    case "satisfied":
      return t("answerCharacter.satisfied");
    case "refused":
      return t("answerCharacter.refused");
    default:
      return answer;
  }
}
