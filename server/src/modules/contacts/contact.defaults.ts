import type { Db } from "../../db/database.ts";

const n = (ru: string, kk: string, en: string) => ({ name_ru: ru, name_kk: kk, name_en: en });

/** Wrap-up codes of a new centre; "auto" closes wrap-ups that ran out of time. */
export const DEFAULT_WRAPUP_CODES = [
  { code: "consultation", ...n("Консультация", "Кеңес берілді", "Consultation given") },
  { code: "appeal_registered", ...n("Зарегистрировано обращение", "Өтініш тіркелді", "Appeal registered") },
  { code: "redirected", ...n("Перенаправлен в другой орган", "Басқа органға бағытталды", "Redirected to another body") },
  { code: "no_response", ...n("Гражданин не ответил", "Азамат жауап бермеді", "Citizen did not respond") },
  { code: "not_our_topic", ...n("Вне компетенции", "Құзыретке жатпайды", "Outside our competence") },
  { code: "auto", ...n("Истекло время", "Уақыт бітті", "Timed out") },
];

/** Reasons for not being ready; "missed_offer" is set by routing when an offer times out. */
export const DEFAULT_NOT_READY_REASONS = [
  { code: "break", ...n("Перерыв", "Үзіліс", "Break") },
  { code: "lunch", ...n("Обед", "Түскі ас", "Lunch") },
  { code: "training", ...n("Обучение", "Оқу", "Training") },
  { code: "meeting", ...n("Совещание", "Жиналыс", "Meeting") },
  { code: "back_office", ...n("Работа с обращениями", "Өтініштермен жұмыс", "Back-office work") },
  { code: "missed_offer", ...n("Пропущено предложение", "Ұсыныс қабылданбады", "Missed an offer") },
];

/** Inserts the contact engine's reference lists for a new tenant, inside the caller's transaction. */
export async function insertContactDefaults(db: Db, tenantId: string): Promise<void> {
  const rows = <T>(list: T[]) => list.map((row, index) => ({ tenant_id: tenantId, ...row, sort: index + 1 }));
  await db.insertInto("wrapup_codes").values(rows(DEFAULT_WRAPUP_CODES)).execute();
  await db.insertInto("not_ready_reasons").values(rows(DEFAULT_NOT_READY_REASONS)).execute();
}
