import { validateIinOrBin } from "@bailanys/common/identity-number";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { formatDate } from "../../lib/formatDateTime.ts";

/** Checks an ИИН/БИН as it is typed: the specific problem once all 12 digits are in, the decoded facts when valid. */
export function useIinCheck(raw: string): { error: string | null; valid: boolean; description: string | null } {
  const { t } = useTranslation();
  const locale = useLocale();
  const value = raw.trim();
  if (value === "") {
    return { error: null, valid: false, description: null };
  }
  if (!/^\d*$/.test(value) || value.length > 12) {
    return { error: errorText("IIN_INVALID_FORMAT", locale), valid: false, description: null };
  }
  if (value.length < 12) {
    return { error: null, valid: false, description: t("applicant.iinDigitsLeft", { count: 12 - value.length }) };
  }
  const result = validateIinOrBin(value);
  if (!result.ok) {
    return { error: errorText(result.code, locale), valid: false, description: null };
  }
  return {
    error: null,
    valid: true,
    description:
      result.kind === "iin"
        ? t("applicant.iinValid", { date: formatDate(result.birthDate) })
        : t("applicant.binValid", { date: `${result.registered.slice(5, 7)}.${result.registered.slice(0, 4)}` }),
  };
}
