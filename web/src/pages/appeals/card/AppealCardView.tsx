import type { AppealDto } from "@bailanys/common/api/appeals";
import { Grid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppealActions } from "./AppealActions.tsx";
import { AppealDetails } from "./AppealDetails.tsx";
import { AppealHeader } from "./AppealHeader.tsx";
import { AppealTimeline } from "./AppealTimeline.tsx";
import { ApplicantBlock } from "./ApplicantBlock.tsx";
import { ExtensionsList } from "./ExtensionsList.tsx";
import { ForwardsList } from "./ForwardsList.tsx";
import { ReceiptAlert } from "./ReceiptAlert.tsx";
import { useAppealAction } from "./useAppealAction.ts";

interface Props {
  card: AppealDto;
  onCard: (card: AppealDto) => void;
  reload: () => void;
  showReceipt: boolean;
  hideReceipt: () => void;
  canTrackForwards: boolean;
}

/** A loaded card laid out: the receipt after registration, header, actions, details and history. */
export function AppealCardView({ card, onCard, reload, showReceipt, hideReceipt, canTrackForwards }: Props) {
  const { t } = useTranslation();
  const { busy, run } = useAppealAction({ card, onCard, onConflict: reload });
  return (
    <Stack>
      {showReceipt && <ReceiptAlert card={card} onClose={hideReceipt} />}
      <AppealHeader card={card} />
      <AppealActions card={card} busy={busy} run={(path, body, fields, success) => run(path, body, fields, success)} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <AppealDetails card={card} />
            <ForwardsList
              forwards={card.forwards}
              busy={busy}
              onStatus={
                canTrackForwards
                  ? (forward, status) => void run(`/forwards/${forward.id}`, { status }, [], t("forward.statusSaved"), "PATCH")
                  : undefined
              }
            />
            <ExtensionsList extensions={card.extensions} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <ApplicantBlock citizen={card.citizen} />
            <AppealTimeline events={card.events} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
