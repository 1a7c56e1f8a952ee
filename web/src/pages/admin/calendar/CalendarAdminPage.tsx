import type { CalendarDto } from "@bailanys/common/api/calendar";
import { Grid, Stack, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { FullPageLoader } from "../../../components/FullPageLoader.tsx";
import { notifyError } from "../../../lib/notifyError.ts";
import { useSession } from "../../../session/useSession.ts";
import { CalendarSettingsCard } from "./CalendarSettingsCard.tsx";
import { DeadlineCalculator } from "./DeadlineCalculator.tsx";
import { HolidaysCard } from "./HolidaysCard.tsx";
import { OverridesCard } from "./OverridesCard.tsx";
import { YearView } from "./YearView.tsx";

/** The working-day calendar that every legal deadline is computed on. */
export function CalendarAdminPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [calendar, setCalendar] = useState<CalendarDto | null>(null);
  // Bumped after every change so the year view and the calculator recompute with the new rules.
  const [revision, setRevision] = useState(0);
  const canWrite = can("reference.write");

  useEffect(() => {
    const controller = new AbortController();
    api<CalendarDto>("/calendar", { signal: controller.signal })
      .then(setCalendar)
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, []);

  const changed = useCallback((next: CalendarDto) => {
    setCalendar(next);
    setRevision((r) => r + 1);
  }, []);

  if (calendar === null) {
    return <FullPageLoader />;
  }
  return (
    <Stack>
      <Title order={2}>{t("calendar.title")}</Title>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            <CalendarSettingsCard settings={calendar.settings} canWrite={canWrite} onChange={changed} />
            <DeadlineCalculator revision={revision} />
            <OverridesCard overrides={calendar.overrides} canWrite={canWrite} onChange={changed} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            <HolidaysCard holidays={calendar.holidays} canWrite={canWrite} onChange={changed} />
            <YearView revision={revision} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
