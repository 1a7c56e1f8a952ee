import type { PromptRecordingDto } from "@bailanys/common/api/voice-admin";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { decodeWav, encodeWav, WavError } from "../../voice/media/wav.ts";
import { resample } from "../../voice/prompts/speech.ts";
import { recordAudit } from "../audit/audit.service.ts";

const KEY = /^[a-z0-9_:.-]{1,60}$/;
const LOCALES = new Set(["kk", "ru", "en"]);
/** A prompt longer than this is not a prompt (and would hold a caller for minutes). */
const MAX_SECONDS = 120;

export async function listPromptRecordings(db: Db, tenantId: string): Promise<PromptRecordingDto[]> {
  const rows = await db.selectFrom("voice_prompts").select(["key", "locale", "duration_ms", "uploaded_at"]).where("tenant_id", "=", tenantId).orderBy("key").orderBy("locale").execute();
  return rows.map((r) => ({ key: r.key, locale: r.locale as PromptRecordingDto["locale"], durationMs: r.duration_ms, uploadedAt: new Date(r.uploaded_at).toISOString() }));
}

function checkTarget(key: string, locale: string): void {
  if (!KEY.test(key)) {
    throw AppError.field("key", "FIELD_INVALID");
  }
  if (!LOCALES.has(locale)) {
    throw AppError.field("locale", "FIELD_INVALID");
  }
}

/**
 * Keeps a body's recording of a prompt in one language: a 16-bit PCM WAV of any rate, stored as the telephone's
 * 8 kHz mono (stereo is mixed down). It replaces generated speech for that key and language at once.
 */
export async function savePromptRecording(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, key: string, locale: string, file: Buffer): Promise<PromptRecordingDto> {
  checkTarget(key, locale);
  let audio;
  try {
    audio = decodeWav(file);
  } catch (error) {
    if (error instanceof WavError) {
      throw AppError.field("file", "PROMPT_NOT_WAV");
    }
    throw error;
  }
  const mono = audio.channels === 1 ? audio.samples : Int16Array.from({ length: Math.floor(audio.samples.length / audio.channels) }, (_, i) => {
    let sum = 0;
    for (let c = 0; c < audio.channels; c += 1) {
      sum += audio.samples[i * audio.channels + c] ?? 0;
    }
    return Math.round(sum / audio.channels);
  });
  const pcm = resample(mono, audio.sampleRate, 8000);
  const durationMs = Math.round((pcm.length / 8000) * 1000);
  if (pcm.length === 0 || durationMs > MAX_SECONDS * 1000) {
    throw AppError.field("file", "FIELD_OUT_OF_RANGE");
  }
  const content = encodeWav({ sampleRate: 8000, channels: 1, samples: pcm });
  await transact(deps, async (trx) => {
    const values = { duration_ms: durationMs, content, uploaded_by: actor.userId };
    await trx
      .insertInto("voice_prompts")
      .values({ tenant_id: actor.tenantId, key, locale, ...values })
      .onConflict((oc) => oc.columns(["tenant_id", "key", "locale"]).doUpdateSet({ ...values, uploaded_at: new Date() }))
      .execute();
    await recordAudit(trx, actor, meta, { action: "voice.prompt.upload", entity: "voice_prompt", details: { key, locale, durationMs } });
    await deps.bus.publish(trx, { type: "tenant.changed", tenantId: actor.tenantId, what: "voice" });
  });
  const saved = (await listPromptRecordings(deps.db, actor.tenantId)).find((p) => p.key === key && p.locale === locale);
  if (!saved) {
    throw new AppError("NOT_FOUND");
  }
  return saved;
}

export async function readPromptRecording(db: Db, tenantId: string, key: string, locale: string): Promise<Buffer> {
  const row = await db.selectFrom("voice_prompts").select("content").where("tenant_id", "=", tenantId).where("key", "=", key).where("locale", "=", locale).executeTakeFirst();
  if (!row) {
    throw new AppError("NOT_FOUND");
  }
  return Buffer.from(row.content);
}

export async function deletePromptRecording(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, key: string, locale: string): Promise<void> {
  await transact(deps, async (trx) => {
    const deleted = await trx.deleteFrom("voice_prompts").where("tenant_id", "=", actor.tenantId).where("key", "=", key).where("locale", "=", locale).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "voice.prompt.delete", entity: "voice_prompt", details: { key, locale } });
    await deps.bus.publish(trx, { type: "tenant.changed", tenantId: actor.tenantId, what: "voice" });
  });
}
