import { useTranslation } from "react-i18next";

/** A boolean as a word. */
export function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <>{value ? t("common.yes") : t("common.no")}</>;
}
