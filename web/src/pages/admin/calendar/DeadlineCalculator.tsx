import { Card, Group, NumberInput, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DueDateText } from "../../../components/DueDateText.tsx";
import { useDueDatePreview } from "../../../hooks/useDueDatePreview.ts";
import { almatyInputToIso, almatyNowInput } from "../../../lib/almatyInput.ts";

/** "When is the deadline if it arrives then?" — the same computation registration uses. */
export function DeadlineCalculator({ revision }: { revision: number }) {
  const { t } = useTranslation();
  const [received, setReceived] = useState<string | null>(almatyNowInput());
  const [term, setTerm] = useState<number>(15);
  const [unit, setUnit] = useState<"WD" | "CD">("WD");
  const iso = almatyInputToIso(received);
  const preview = useDueDatePreview(term > 0 ? term : null, unit, iso, revision);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("calendar.calculator")}
      </Title>
      <Stack>
        <DateTimePicker label={t("appeals.receivedAt")} value={received} onChange={setReceived} valueFormat="DD.MM.YYYY HH:mm" description={t("appealForm.almatyTime")} />
        <Group align="flex-end">
          <NumberInput label={t("reference.term")} value={term} onChange={(v) => setTerm(typeof v === "number" ? v : 0)} min={1} max={3650} allowDecimal={false} w={140} />
          <div>
            <Text size="sm" fw={500} mb={4} id="calc-unit-label">
              {t("reference.termUnit")}
            </Text>
            <SegmentedControl
              aria-labelledby="calc-unit-label"
              value={unit}
              onChange={(v) => setUnit(v === "CD" ? "CD" : "WD")}
              data={[
                { value: "WD", label: t("reference.wd") },
                { value: "CD", label: t("reference.cd") },
              ]}
            />
          </div>
        </Group>
        <DueDateText preview={preview} idleText={t("calendar.calculatorIdle")} testId="calculator-result" />
      </Stack>
    </Card>
  );
}
