import type { Locale } from "./locales.ts";

/**
 * Texts of the notifications a citizen or a staff member receives. Parameters arrive already in the
 * recipient's language (names of statuses, bodies); dates as local 'DD.MM.YYYY'.
 */
type Params = Record<string, string>;
type Template = Record<Locale, (p: Params) => string>;

const v = (p: Params, key: string): string => p[key] ?? "";

export const NOTIFICATION_TEMPLATES = {
  appeal_registered: {
    kk: (p) =>
      `Өтінішіңіз ${v(p, "registeredAt")} тіркелді, нөмірі ${v(p, "number")}. Қабылдаған: ${v(p, "receivedBy")}. Жауап беру мерзімі: ${v(p, "dueDate")}. Жауапты: ${v(p, "responsible")}.`,
    ru: (p) =>
      `Ваше обращение зарегистрировано ${v(p, "registeredAt")} под номером ${v(p, "number")}. Принял: ${v(p, "receivedBy")}. Срок ответа: ${v(p, "dueDate")}. Ответственный: ${v(p, "responsible")}.`,
    en: (p) =>
      `Your appeal was registered on ${v(p, "registeredAt")} as No. ${v(p, "number")}. Received by: ${v(p, "receivedBy")}. Answer due: ${v(p, "dueDate")}. Responsible: ${v(p, "responsible")}.`,
  },
  appeal_status_changed: {
    kk: (p) => `№ ${v(p, "number")} өтініштің мәртебесі: ${v(p, "status")}.${p.message ? ` ${p.message}` : ""}`,
    ru: (p) => `Статус обращения № ${v(p, "number")}: ${v(p, "status")}.${p.message ? ` ${p.message}` : ""}`,
    en: (p) => `Appeal No. ${v(p, "number")} is now: ${v(p, "status")}.${p.message ? ` ${p.message}` : ""}`,
  },
  appeal_extended: {
    kk: (p) =>
      `№ ${v(p, "number")} өтінішті қарау мерзімі ${v(p, "dueDate")} дейін ұзартылды. Себебі: ${v(p, "reason")}. Іс-шаралар жоспары: ${v(p, "plan")}.`,
    ru: (p) =>
      `Срок рассмотрения обращения № ${v(p, "number")} продлён до ${v(p, "dueDate")}. Причина: ${v(p, "reason")}. План действий: ${v(p, "plan")}.`,
    en: (p) =>
      `The deadline of appeal No. ${v(p, "number")} is extended to ${v(p, "dueDate")}. Reason: ${v(p, "reason")}. Action plan: ${v(p, "plan")}.`,
  },
  appeal_forwarded: {
    kk: (p) =>
      `№ ${v(p, "number")} өтініш${p.scope === "part" ? " (бір бөлігі)" : ""} қарау үшін жолданды: ${v(p, "to")}.${p.childNumber ? ` Жаңа нөмірі: ${p.childNumber}.` : ""}${p.message ? ` ${p.message}` : ""}`,
    ru: (p) =>
      `Обращение № ${v(p, "number")}${p.scope === "part" ? " (в части)" : ""} направлено на рассмотрение: ${v(p, "to")}.${p.childNumber ? ` Новый номер: ${p.childNumber}.` : ""}${p.message ? ` ${p.message}` : ""}`,
    en: (p) =>
      `Appeal No. ${v(p, "number")}${p.scope === "part" ? " (in part)" : ""} was forwarded to: ${v(p, "to")}.${p.childNumber ? ` Its new number: ${p.childNumber}.` : ""}${p.message ? ` ${p.message}` : ""}`,
  },
  appeal_answer: {
    kk: (p) => `№ ${v(p, "number")} өтінішке жауап: ${v(p, "message")}`,
    ru: (p) => `Ответ на обращение № ${v(p, "number")}: ${v(p, "message")}`,
    en: (p) => `Answer to appeal No. ${v(p, "number")}: ${v(p, "message")}`,
  },
  appeal_withdrawn: {
    kk: (p) => `№ ${v(p, "number")} өтініш сіздің өтінішіңіз бойынша кері қайтарылды.`,
    ru: (p) => `Обращение № ${v(p, "number")} отозвано по вашему заявлению.`,
    en: (p) => `Appeal No. ${v(p, "number")} was withdrawn at your request.`,
  },
  chat_transcript: {
    kk: (p) => `Байланыс орталығымен чат жазбасы (${v(p, "date")}):\n\n${v(p, "transcript")}`,
    ru: (p) => `Запись чата с контакт-центром (${v(p, "date")}):\n\n${v(p, "transcript")}`,
    en: (p) => `Transcript of your chat with the contact centre (${v(p, "date")}):\n\n${v(p, "transcript")}`,
  },
  staff_escalation: {
    kk: (p) => `Эскалация (${v(p, "level")}-деңгей, ${v(p, "rule")}): № ${v(p, "number")} өтініш, мерзімі ${v(p, "dueDate")}.`,
    ru: (p) => `Эскалация (уровень ${v(p, "level")}, ${v(p, "rule")}): обращение № ${v(p, "number")}, срок ${v(p, "dueDate")}.`,
    en: (p) => `Escalation (level ${v(p, "level")}, ${v(p, "rule")}): appeal No. ${v(p, "number")}, due ${v(p, "dueDate")}.`,
  },
  staff_forward_limit: {
    kk: (p) => `№ ${v(p, "number")} өтінішті қайта жолдаудың 3 жұмыс күндік мерзімі өтті, бірақ ол әлі бөлінбеген.`,
    ru: (p) => `По обращению № ${v(p, "number")} истёк 3-дневный срок переадресации, а оно ещё не распределено.`,
    en: (p) => `The 3-working-day forwarding limit of appeal No. ${v(p, "number")} has passed and it is still not routed.`,
  },
  kb_review_due: {
    kk: (p) => `Білім базасының «${v(p, "title")}» (${v(p, "code")}, ${v(p, "locale")}) мақаласын ${v(p, "reviewBy")} дейін қайта қарау керек.`,
    ru: (p) => `Статью базы знаний «${v(p, "title")}» (${v(p, "code")}, ${v(p, "locale")}) нужно пересмотреть до ${v(p, "reviewBy")}.`,
    en: (p) => `The knowledge-base article "${v(p, "title")}" (${v(p, "code")}, ${v(p, "locale")}) is due for review by ${v(p, "reviewBy")}.`,
  },
} as const satisfies Record<string, Template>;

export type NotificationTemplate = keyof typeof NOTIFICATION_TEMPLATES;

export function renderNotification(template: NotificationTemplate, locale: Locale, params: Params): string {
  return NOTIFICATION_TEMPLATES[template][locale](params);
}
