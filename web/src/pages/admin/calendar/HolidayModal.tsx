import type { CalendarDto, Holiday, HolidayBody } from "@bailanys/common/api/calendar";
import { Checkbox, NumberInput, SimpleGrid } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { FormModal } from "../../../components/FormModal.tsx";
import { NamesFields } from "../../../components/NamesFields.tsx";
import { useSave } from "../../../hooks/useSave.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import type { Names } from "../../../i18n/useLocalizedName.ts";
import { errorText } from "../../../lib/errorText.ts";
import { missingNames } from "../../../lib/missingNames.ts";

const FIELDS = ["month", "day", "movable", "nameKk", "nameRu", "nameEn"] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  holiday: Holiday | null;
  onClose: () => void;
  onChange: (calendar: CalendarDto) => void;
}

/** Add or change a yearly public holiday. */
export function HolidayModal({ holiday, onClose, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [day, setDay] = useState(holiday?.day ?? 1);
  const [month, setMonth] = useState(holiday?.month ?? 1);
  const [movable, setMovable] = useState(holiday?.movable ?? true);
  const [names, setNames] = useState<Names>({ nameKk: holiday?.nameKk ?? "", nameRu: holiday?.nameRu ?? "", nameEn: holiday?.nameEn ?? "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { busy, save } = useSave();

  const submit = async () => {
    const found: Partial<Record<Field, string>> = missingNames(names, errorText("FIELD_REQUIRED", locale));
    // 29 February is allowed: it is a real date in leap years.
    if (day > new Date(Date.UTC(2024, month, 0)).getUTCDate()) {
      found.day = errorText("DATE_INVALID", locale);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const body: HolidayBody = { day, month, movable, nameKk: names.nameKk.trim(), nameRu: names.nameRu.trim(), nameEn: names.nameEn.trim() };
    const problems = await save(async () => onChange(await api<CalendarDto>(holiday ? `/calendar/holidays/${holiday.id}` : "/calendar/holidays", { method: holiday ? "PUT" : "POST", json: body })), FIELDS);
    if (problems === null) {
      onClose();
    } else {
      setErrors(problems);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={holiday ? t("calendar.editHoliday") : t("calendar.newHoliday")} size="lg" onSubmit={submit} busy={busy}>
      <SimpleGrid cols={{ base: 2 }}>
        <NumberInput label={t("calendar.day")} value={day} onChange={(v) => setDay(typeof v === "number" ? v : 1)} min={1} max={31} allowDecimal={false} error={errors.day} />
        <NumberInput label={t("calendar.month")} value={month} onChange={(v) => setMonth(typeof v === "number" ? v : 1)} min={1} max={12} allowDecimal={false} error={errors.month} />
      </SimpleGrid>
      <NamesFields value={names} onChange={setNames} errors={errors} />
      <Checkbox label={t("calendar.movable")} description={t("calendar.movableHint")} checked={movable} onChange={(e) => setMovable(e.currentTarget.checked)} />
    </FormModal>
  );
}
