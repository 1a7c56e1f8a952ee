import type { ChatConfig } from "@bailanys/common/api/contacts";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import { localizedName, type Locale } from "@bailanys/common/locales";
import { hoursLines, type WeeklyHours } from "@bailanys/common/weekdays";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/app-error.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { activeQueues } from "../contacts/contact-queues.repository.ts";
import { activeNotices } from "../notices/notice.service.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { isQueueOpen, type OpeningHours } from "../routing/routing-rules.ts";

/** Conversation languages a citizen may choose (routing skills), in this order. */
const CHAT_LANGUAGES = ["kk", "ru"];

interface PublicTenant {
  id: string;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
}

const TENANT_TTL_MS = 10_000;
/** Known tenants only (codes come from the public; unknown ones are not remembered), per node for 10 s. */
const tenantCache = new Map<string, { at: number; tenant: PublicTenant }>();

/** The tenant a public page names by its code; REFERENCE_UNKNOWN on the field `tenant` when there is none. */
export async function tenantByCode(db: Db, code: string): Promise<PublicTenant> {
  const cached = tenantCache.get(code);
  if (cached && Date.now() - cached.at < TENANT_TTL_MS) {
    return cached.tenant;
  }
  const tenant = await db.selectFrom("tenants").select(["id", "code", "name_kk", "name_ru", "name_en"]).where("code", "=", code).executeTakeFirst();
  if (!tenant) {
    throw AppError.field("tenant", "REFERENCE_UNKNOWN");
  }
  tenantCache.set(code, { at: Date.now(), tenant });
  return tenant;
}

/** What the widget shows before a chat: open or not, hours, topics, languages, notices in force (R12.3, R34). */
export async function chatConfig(db: Db, tenantCode: string, locale: Locale): Promise<ChatConfig> {
  const tenant = await tenantByCode(db, tenantCode);
  const [queues, ref, rules, notices] = await Promise.all([
    activeQueues(db, tenant.id),
    referenceSnapshot(db, tenant.id),
    calendarRules(db, tenant.id),
    activeNotices(db, tenant.id, locale, "web_chat"),
  ]);
  const chatQueues = queues.filter((q) => q.channels.includes("web_chat"));
  const now = new Date();
  const general = chatQueues.find((q) => q.topic_ids.length === 0) ?? chatQueues[0];
  // The classifier's top level: specific queues catch their topics, the general queue everything else.
  const topicIds = [...ref.classifier.values()].filter((item) => item.parent_id === null).map((item) => item.id);
  return {
    tenant: { code: tenant.code, name: localizedName(tenant, locale) },
    open: chatQueues.some((q) => isQueueOpen(q.hours as OpeningHours, q.open_on_holidays, rules, now)),
    hours: general ? hoursLines(general.hours as WeeklyHours, locale) : [],
    topics: topicIds.flatMap((id) => {
      const item = ref.classifier.get(id);
      return item?.active ? [{ id, name: localizedName(item, locale) }] : [];
    }),
    languages: CHAT_LANGUAGES.flatMap((code) => {
      const language = ref.languages.get(code);
      return language?.active ? [{ code, name: localizedName(language, locale) }] : [];
    }),
    notices,
    limits: { messageMaxLength: CHAT_LIMITS.messageMaxLength, attachmentMaxBytes: CHAT_LIMITS.attachmentMaxBytes },
  };
}
