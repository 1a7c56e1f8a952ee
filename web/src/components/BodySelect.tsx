import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "../i18n/useLocalizedName.ts";
import { useReference } from "../reference/useReference.ts";

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  clearable?: boolean;
}

/** Picks one of the platform's own bodies; outside organisations have no units, staff or classifier routes. */
export function BodySelect({ value, onChange, error, clearable = false }: Props) {
  const { t } = useTranslation();
  const name = useLocalizedName();
  const { reference } = useReference();
  const bodies = (reference?.bodies ?? []).filter((b) => !b.isExternal).map((b) => ({ value: b.id, label: name(b) }));
  return <Select label={t("appeals.body")} data={bodies} value={value} onChange={onChange} error={error} clearable={clearable} searchable />;
}
