import type { Locale } from "@bailanys/common/locales";

/** Russian noun form after a number: 1 минута, 2 минуты, 5 минут. */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) {
    return many;
  }
  return units === 1 ? one : units >= 2 && units <= 4 ? few : many;
}

const FIXED: Record<string, Record<Locale, string>> = {
  waiting_free: { kk: "Желіде күту тегін.", ru: "Ожидание на линии бесплатное.", en: "Waiting on the line is free of charge." },
  waiting_paid: { kk: "Желіде күту ақылы.", ru: "Ожидание на линии платное.", en: "Waiting on the line is charged." },
  callback_offer: {
    kk: "Күткіңіз келмесе, тоғызды басыңыз, біз сізге қайта қоңырау шаламыз.",
    ru: "Если не хотите ждать, нажмите девять, и мы вам перезвоним.",
    en: "If you prefer not to wait, press nine and we will call you back.",
  },
  callback_confirmed: {
    kk: "Рахмет. Оператор осы нөмірге қайта қоңырау шалады. Сау болыңыз.",
    ru: "Спасибо. Оператор перезвонит вам на этот номер. До свидания.",
    en: "Thank you. An operator will call you back on this number. Goodbye.",
  },
  closed: {
    kk: "Байланыс орталығы қазір жұмыс істемейді. Жұмыс уақытында қоңырау шалыңыз. Сау болыңыз.",
    ru: "Контакт-центр сейчас не работает. Пожалуйста, позвоните в рабочее время. До свидания.",
    en: "The contact centre is closed now. Please call during working hours. Goodbye.",
  },
  unavailable: {
    kk: "Кешіріңіз, қазір қоңырауды қабылдай алмаймыз. Кейінірек қоңырау шалыңыз.",
    ru: "Извините, сейчас мы не можем принять звонок. Пожалуйста, перезвоните позже.",
    en: "Sorry, we cannot take your call now. Please call again later.",
  },
  on_hold: {
    kk: "Өтінеміз, желіден шықпаңыз, оператор жақында сізге оралады.",
    ru: "Пожалуйста, оставайтесь на линии, оператор скоро вернётся к вам.",
    en: "Please stay on the line, the operator will be with you shortly.",
  },
  notice: { kk: "Назар аударыңыз.", ru: "Внимание.", en: "Please note." },
};

/**
 * The words of the prompts every centre has (queue announcements, callback, closed, notices), by key:
 * fixed ones by name, counted ones as "position:N", "position_over:N" and "wait_minutes:N". Null for a key that
 * is not one.
 */
export function standardPromptText(key: string, locale: Locale): string | null {
  const fixed = FIXED[key];
  if (fixed) {
    return fixed[locale];
  }
  const counted = /^(position|position_over|wait_minutes):(\d{1,4})$/.exec(key);
  if (!counted) {
    return null;
  }
  const n = Number(counted[2]);
  if (counted[1] === "position_over") {
    return { kk: `Сіздің алдыңызда ${n}-ден астам абонент бар.`, ru: `Перед вами более ${n} абонентов.`, en: `More than ${n} callers are ahead of you.` }[locale];
  }
  if (counted[1] === "position") {
    return { kk: `Сіз кезекте ${n}-орындасыз.`, ru: `Вы ${n}-й в очереди.`, en: `You are number ${n} in the queue.` }[locale];
  }
  return {
    kk: `Күтудің болжамды уақыты ${n} минут.`,
    ru: `Ожидаемое время ожидания ${n} ${ruPlural(n, "минута", "минуты", "минут")}.`,
    en: `The expected waiting time is ${n} ${n === 1 ? "minute" : "minutes"}.`,
  }[locale];
}

/** Every standard key a centre may need, for rendering them ahead: the fixed ones and each counted one up to `upTo`. */
export function standardPromptKeys(upTo: number): string[] {
  const counted = Array.from({ length: upTo }, (_, i) => [`position:${i + 1}`, `wait_minutes:${i + 1}`]).flat();
  return [...Object.keys(FIXED), ...counted, `position_over:${upTo}`];
}
