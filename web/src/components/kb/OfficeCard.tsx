import type { OfficeViewDto } from "@bailanys/common/api/kb";
import { officeHoursText } from "@bailanys/common/kb/office-text";
import type { Locale } from "@bailanys/common/locales";
import { Anchor, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { IconClock, IconExternalLink, IconMapPin, IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { mapHref } from "./kbLinks.ts";

interface Props {
  office: OfficeViewDto;
  locale: Locale;
  /** The heading level of the office's name. */
  order?: 2 | 3 | 4;
}

const line = { display: "flex", gap: 6, alignItems: "flex-start" } as const;

/** An office where to apply: address, hours (worded as everywhere else), phone, e-mail and a map link. */
export function OfficeCard({ office, locale, order = 3 }: Props) {
  const { t } = useTranslation();
  const map = mapHref(office.latitude, office.longitude);
  return (
    <Paper withBorder p="sm" data-testid="kb-office">
      <Stack gap={4}>
        <Text component={`h${order}`} size="sm" fw={700} m={0}>
          {office.name}
        </Text>
        <Text size="sm" style={line}>
          <IconMapPin size={16} aria-hidden style={{ flex: "none", marginTop: 2 }} />
          <span>{office.address}</span>
        </Text>
        <Text size="sm" style={line}>
          <IconClock size={16} aria-hidden style={{ flex: "none", marginTop: 2 }} />
          <span>
            <VisuallyHidden>{t("kbPortal.office.hours")}: </VisuallyHidden>
            {officeHoursText(office.hours, locale)}
          </span>
        </Text>
        {office.phone && (
          <Text size="sm" style={line}>
            <IconPhone size={16} aria-hidden style={{ flex: "none", marginTop: 2 }} />
            <Anchor href={`tel:${office.phone.replace(/[^\d+]/g, "")}`}>{office.phone}</Anchor>
          </Text>
        )}
        {office.email && (
          <Anchor size="sm" href={`mailto:${office.email}`}>
            {office.email}
          </Anchor>
        )}
        {map && (
          <Anchor size="sm" href={map} target="_blank" rel="noopener noreferrer" data-testid="kb-office-map">
            {t("kbPortal.office.map")} <IconExternalLink size={12} aria-hidden />
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
