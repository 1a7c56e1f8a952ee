import type { BoardDto } from "@bailanys/common/api/contacts";
import { Alert, List, Text } from "@mantine/core";
import { IconPhoneOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/formatDateTime.ts";

/**
 * Today's faults of the voice service that cut calls: several calls ending at once is otherwise a mystery on the
 * board, and the supervisor's next step is to call back whoever was cut off.
 */
export function VoiceIncidents({ incidents }: { incidents: BoardDto["voiceIncidents"] }) {
  const { t } = useTranslation();
  if (incidents.length === 0) {
    return null;
  }
  return (
    <Alert color="orange" icon={<IconPhoneOff aria-hidden />} title={t("workspace.board.voiceIncidentTitle")} data-testid="board-voice-incidents">
      <List size="sm" spacing={2}>
        {incidents.map((incident) => (
          <List.Item key={incident.at}>{t("workspace.board.voiceIncident", { time: formatDateTime(incident.at).slice(-5), count: incident.callsCut })}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t("workspace.board.voiceIncidentHint")}
      </Text>
    </Alert>
  );
}
