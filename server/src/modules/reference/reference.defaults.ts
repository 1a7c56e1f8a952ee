import { KZ_DEFAULT_HOLIDAYS, KZ_DEFAULT_OVERRIDES } from "@bailanys/common/calendar";
import type { Db } from "../../db/database.ts";
import { insertContactDefaults } from "../contacts/contact.defaults.ts";

/**
 * Default reference data of a new contact centre (DOMAIN.md §2–§4, eOtinish vocabulary). Administrators edit all
 * of it afterwards; nothing in the code depends on these particular codes except the demo and the tests.
 */
const n = (ru: string, kk: string, en: string) => ({ name_ru: ru, name_kk: kk, name_en: en });

export const DEFAULT_KINDS = [
  { code: "request", ...n("Запрос", "Сұрау салу", "Request"), requires_category: false, requires_outcome: false },
  { code: "statement", ...n("Заявление", "Өтініш", "Statement"), requires_category: false, requires_outcome: false },
  { code: "feedback", ...n("Отклик / предложение / сообщение", "Үн қосу / ұсыныс / хабарлама", "Feedback / proposal / report"), requires_category: false, requires_outcome: false },
  { code: "complaint", ...n("Жалоба", "Шағым", "Complaint"), requires_category: true, requires_outcome: true },
];

export const DEFAULT_TYPES: { code: string; kind_code: string; term: number; term_unit: "WD" | "CD"; name_ru: string; name_kk: string; name_en: string }[] = [
  { code: "request", kind_code: "request", term: 15, term_unit: "WD", ...n("Запрос", "Сұрау салу", "Request") },
  { code: "notary_request", kind_code: "request", term: 10, term_unit: "CD", ...n("Запрос нотариуса", "Нотариустың сұрауы", "Notary's request") },
  { code: "advocate_request", kind_code: "request", term: 10, term_unit: "WD", ...n("Запрос адвоката", "Адвокаттың сұрауы", "Advocate's request") },
  { code: "information_request", kind_code: "request", term: 15, term_unit: "CD", ...n("Запрос о предоставлении информации", "Ақпарат беру туралы сұрау", "Request for information") },
  { code: "media_request", kind_code: "request", term: 7, term_unit: "WD", ...n("Запрос средства массовой информации", "Бұқаралық ақпарат құралының сұрауы", "Mass media request") },
  { code: "bailiff_request", kind_code: "request", term: 3, term_unit: "WD", ...n("Запрос судебного исполнителя", "Сот орындаушысының сұрауы", "Bailiff's request") },
  { code: "declassification_request", kind_code: "request", term: 30, term_unit: "CD", ...n("Запрос о рассекречивании сведений, отнесённых к государственным секретам", "Мемлекеттік құпияларға жатқызылған мәліметтерді құпиясыздандыру туралы сұрау", "Request to declassify state secrets") },
  { code: "statement", kind_code: "statement", term: 15, term_unit: "WD", ...n("Заявление", "Өтініш", "Statement") },
  { code: "rehabilitation_statement", kind_code: "statement", term: 90, term_unit: "CD", ...n("Заявление о реабилитации жертв массовых политических репрессий", "Жаппай саяси қуғын-сүргін құрбандарын ақтау туралы өтініш", "Application for rehabilitation of victims of political repression") },
  { code: "feedback", kind_code: "feedback", term: 15, term_unit: "WD", ...n("Отклик / предложение / сообщение", "Үн қосу / ұсыныс / хабарлама", "Feedback / proposal / report") },
  { code: "complaint", kind_code: "complaint", term: 20, term_unit: "WD", ...n("Жалоба", "Шағым", "Complaint") },
  { code: "public_service_complaint", kind_code: "complaint", term: 5, term_unit: "WD", ...n("Жалоба по вопросам оказания государственных услуг", "Мемлекеттік қызмет көрсету мәселелері бойынша шағым", "Complaint about public services") },
  { code: "taxpayer_complaint", kind_code: "complaint", term: 30, term_unit: "WD", ...n("Жалоба налогоплательщика", "Салық төлеушінің шағымы", "Taxpayer's complaint") },
  { code: "taxpayer_monitoring_complaint", kind_code: "complaint", term: 45, term_unit: "WD", ...n("Жалоба налогоплательщика, подлежащего налоговому мониторингу", "Салықтық мониторингке жататын салық төлеушінің шағымы", "Complaint of a taxpayer under tax monitoring") },
];

type Phase = "new" | "routing" | "in_progress" | "awaiting_confirmation" | "closed";
export const DEFAULT_STATUSES: { code: string; phase: Phase; action: "forward" | "withdraw" | "duplicate" | null; is_initial: boolean; color: string; name_ru: string; name_kk: string; name_en: string }[] = [
  { code: "registered", phase: "new", action: null, is_initial: true, color: "blue", ...n("Зарегистрировано", "Тіркелді", "Registered") },
  { code: "awaiting_routing", phase: "routing", action: null, is_initial: false, color: "yellow", ...n("Ожидает распределения", "Бөлуді күтуде", "Awaiting routing") },
  { code: "in_progress", phase: "in_progress", action: null, is_initial: false, color: "indigo", ...n("На исполнении", "Орындалуда", "In progress") },
  { code: "awaiting_confirmation", phase: "awaiting_confirmation", action: null, is_initial: false, color: "cyan", ...n("Исполнено, ожидает подтверждения", "Орындалды, растауды күтуде", "Executed, awaiting confirmation") },
  { code: "executed", phase: "closed", action: null, is_initial: false, color: "green", ...n("Исполнено", "Орындалды", "Executed") },
  { code: "stopped", phase: "closed", action: null, is_initial: false, color: "gray", ...n("Рассмотрение прекращено", "Қарау тоқтатылды", "Consideration stopped") },
  { code: "forwarded", phase: "closed", action: "forward", is_initial: false, color: "grape", ...n("Переадресовано", "Қайта жолданды", "Forwarded") },
  { code: "withdrawn", phase: "closed", action: "withdraw", is_initial: false, color: "gray", ...n("Отозвано заявителем", "Өтініш беруші кері қайтарып алды", "Withdrawn by the applicant") },
  { code: "duplicate", phase: "closed", action: "duplicate", is_initial: false, color: "gray", ...n("Объединено с дубликатом", "Қайталанатын өтінішпен біріктірілді", "Merged as a duplicate") },
];

const OPEN = ["registered", "awaiting_routing", "in_progress"];
export const DEFAULT_TRANSITIONS: { from_status: string; to_status: string; permission: string; requires_reason: boolean; requires_client_message: boolean }[] = [
  { from_status: "registered", to_status: "awaiting_routing", permission: "appeal.transition", requires_reason: false, requires_client_message: false },
  { from_status: "registered", to_status: "in_progress", permission: "appeal.transition", requires_reason: false, requires_client_message: false },
  { from_status: "awaiting_routing", to_status: "in_progress", permission: "appeal.transition", requires_reason: false, requires_client_message: false },
  { from_status: "in_progress", to_status: "awaiting_confirmation", permission: "appeal.transition", requires_reason: true, requires_client_message: false },
  { from_status: "awaiting_confirmation", to_status: "in_progress", permission: "appeal.close", requires_reason: true, requires_client_message: false },
  { from_status: "awaiting_confirmation", to_status: "executed", permission: "appeal.close", requires_reason: false, requires_client_message: true },
  { from_status: "in_progress", to_status: "executed", permission: "appeal.close", requires_reason: false, requires_client_message: true },
  ...OPEN.map((from) => ({ from_status: from, to_status: "stopped", permission: "appeal.close", requires_reason: true, requires_client_message: true })),
  ...[...OPEN, "awaiting_confirmation"].map((from) => ({ from_status: from, to_status: "withdrawn", permission: "appeal.withdraw", requires_reason: true, requires_client_message: false })),
  ...OPEN.map((from) => ({ from_status: from, to_status: "forwarded", permission: "appeal.forward", requires_reason: true, requires_client_message: false })),
  ...OPEN.map((from) => ({ from_status: from, to_status: "duplicate", permission: "appeal.link_duplicate", requires_reason: true, requires_client_message: false })),
];

export const DEFAULT_CRITICALITY = [
  { code: "low", rank: 1, color: "gray", ...n("Низкая", "Төмен", "Low") },
  { code: "normal", rank: 2, color: "blue", ...n("Обычная", "Қалыпты", "Normal") },
  { code: "high", rank: 3, color: "orange", ...n("Высокая", "Жоғары", "High") },
  { code: "critical", rank: 4, color: "red", ...n("Критическая", "Аса маңызды", "Critical") },
];

export const DEFAULT_CHANNELS = [
  { code: "phone", ...n("Телефон", "Телефон", "Phone") },
  { code: "web_chat", ...n("Веб-чат", "Веб-чат", "Web chat") },
  { code: "email", ...n("Электронная почта", "Электрондық пошта", "E-mail") },
  { code: "telegram", ...n("Telegram-бот", "Telegram-бот", "Telegram bot") },
  { code: "web_portal", ...n("Интернет-портал", "Интернет-портал", "Web portal") },
  { code: "in_person", ...n("Личный приём", "Жеке қабылдау", "In person") },
  { code: "paper_mail", ...n("Почта", "Пошта", "Post") },
];

export const DEFAULT_LANGUAGES = [
  { code: "kk", ...n("Казахский", "Қазақ тілі", "Kazakh") },
  { code: "ru", ...n("Русский", "Орыс тілі", "Russian") },
  { code: "other", ...n("Другой", "Басқа", "Other") },
];

export const DEFAULT_ESCALATION = [
  { level: 1, threshold_pct: 50, notify_roles: ["senior_operator"], ...n("Прошла половина срока", "Мерзімнің жартысы өтті", "Half of the term has passed") },
  { level: 2, threshold_pct: 80, notify_roles: ["supervisor"], ...n("Прошло 80 % срока", "Мерзімнің 80 %-ы өтті", "80 % of the term has passed") },
  { level: 3, threshold_pct: 100, notify_roles: ["supervisor"], ...n("Срок истёк", "Мерзімі өтіп кетті", "Overdue") },
];

/** Inserts the default reference data for a tenant, inside the caller's transaction. */
export async function insertReferenceDefaults(db: Db, tenantId: string): Promise<void> {
  const t = { tenant_id: tenantId };
  const sorted = <T>(rows: T[]) => rows.map((row, index) => ({ ...t, ...row, sort: index }));
  await db.insertInto("appeal_kinds").values(sorted(DEFAULT_KINDS)).execute();
  await db.insertInto("appeal_types").values(sorted(DEFAULT_TYPES)).execute();
  await db.insertInto("appeal_statuses").values(sorted(DEFAULT_STATUSES)).execute();
  await db.insertInto("appeal_transitions").values(DEFAULT_TRANSITIONS.map((row) => ({ ...t, ...row }))).execute();
  await db.insertInto("criticality_levels").values(sorted(DEFAULT_CRITICALITY)).execute();
  await db.insertInto("channels").values(sorted(DEFAULT_CHANNELS)).execute();
  await db.insertInto("languages").values(sorted(DEFAULT_LANGUAGES)).execute();
  await db.insertInto("escalation_rules").values(DEFAULT_ESCALATION.map((row) => ({ ...t, ...row }))).execute();
  await db.insertInto("calendar_settings").values(t).execute();
  await db
    .insertInto("calendar_holidays")
    .values(
      KZ_DEFAULT_HOLIDAYS.map((h) => ({ ...t, month: h.month, day: h.day, movable: h.movable, name_ru: h.nameRu, name_kk: h.nameKk, name_en: h.nameEn })),
    )
    .execute();
  await db
    .insertInto("calendar_overrides")
    .values(KZ_DEFAULT_OVERRIDES.map((o) => ({ ...t, date: o.date, kind: o.kind, note: o.note ?? null })))
    .execute();
  await insertContactDefaults(db, tenantId);
}
