import type { ChatStatus, ServiceNoticeDto } from "@bailanys/common/api/contacts";
import type { ContactState } from "@bailanys/common/contacts";
import type { Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { activeNotices } from "../notices/notice.service.ts";

/** The pace of answers is measured over this window to estimate the wait (R12.1). */
const PACE_WINDOW_MINUTES = 30;
/** A wait estimate is never promised beyond this; longer waits read "more than N minutes". */
const MAX_ESTIMATE_SECONDS = 2 * 3600;

interface StatusRow {
  id: string;
  tenant_id: string;
  state: string;
  queue_id: string | null;
  position: number | null;
  agent_name: string | null;
  last_seq: number;
  agent_read_seq: number;
  callback_offered_at: Date | null;
  callback_phone: string | null;
  survey_at: Date | null;
  answered_recently: number | null;
  locale: string;
}

/**
 * What the citizens of these chats see: place in their queue (priority, then time of arrival), the expected
 * wait from the queue's recent pace of answers, who answers, and the interruption notices in force.
 */
export async function chatStatuses(db: Db, tenantId: string, contactIds: readonly string[]): Promise<Map<string, ChatStatus>> {
  const result = new Map<string, ChatStatus>();
  if (contactIds.length === 0) {
    return result;
  }
  const rows = await sql<StatusRow>`
    with waiting as (
      select id, queue_id, row_number() over (partition by queue_id order by priority desc, queued_at)::int as position
      from contacts
      where tenant_id = ${tenantId} and state = 'queued'
    ),
    pace as (
      select queue_id, count(*)::int as answered
      from contacts
      where tenant_id = ${tenantId} and answered_at > now() - make_interval(mins => ${PACE_WINDOW_MINUTES})
      group by queue_id
    )
    select c.id, c.tenant_id, c.state, c.queue_id, w.position, u.full_name as agent_name, c.last_seq, c.agent_read_seq,
           c.callback_offered_at, c.callback_phone, c.survey_at, p.answered as answered_recently, c.locale
    from contacts c
    left join waiting w on w.id = c.id
    left join pace p on p.queue_id = c.queue_id
    left join users u on u.id = c.agent_id and c.state in ('active', 'held', 'wrapup', 'closed')
    where c.tenant_id = ${tenantId} and c.id = any(${contactIds}::uuid[])`.execute(db);
  const noticesByLocale = new Map<string, ServiceNoticeDto[]>();
  for (const row of rows.rows) {
    let notices = noticesByLocale.get(row.locale);
    if (!notices) {
      notices = await activeNotices(db, tenantId, row.locale as Locale, "web_chat");
      noticesByLocale.set(row.locale, notices);
    }
    result.set(row.id, {
      contactId: row.id,
      state: row.state as ContactState,
      position: row.position,
      expectedWaitSeconds: estimateWait(row.position, row.answered_recently),
      agentName: row.agent_name,
      lastSeq: row.last_seq,
      agentReadSeq: row.agent_read_seq,
      callbackOffered: row.callback_offered_at !== null,
      callbackRequested: row.callback_phone !== null,
      surveyGiven: row.survey_at !== null,
      notices,
    });
  }
  return result;
}

/** Expected wait: the place in the queue times the recent interval between answers; unknown without history. */
export function estimateWait(position: number | null, answeredInWindow: number | null): number | null {
  if (position === null || answeredInWindow === null || answeredInWindow === 0) {
    return null;
  }
  const interval = (PACE_WINDOW_MINUTES * 60) / answeredInWindow;
  return Math.min(MAX_ESTIMATE_SECONDS, Math.round(position * interval));
}
