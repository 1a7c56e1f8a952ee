import { LOCALES, isLocale } from "@bailanys/common/locales";
import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../i18n/useLocale.ts";
import { notifyError } from "../lib/notifyError.ts";
import { useSession } from "../session/useSession.ts";

const SHORT = { kk: "ҚАЗ", ru: "РУС", en: "ENG" } as const;

/** kk / ru / en; saved to the account when signed in, to this device otherwise. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { changeLocale } = useSession();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("common.interfaceLanguage")}
      data-testid="language-switcher"
      value={locale}
      data={LOCALES.map((l) => ({ value: l, label: <span title={t(`locale.${l}`)}>{SHORT[l]}</span> }))}
      onChange={(value) => {
        if (isLocale(value)) {
          changeLocale(value).catch((error: unknown) => notifyError(error));
        }
      }}
    />
  );
}
