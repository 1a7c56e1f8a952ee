import type { Locale } from "@bailanys/common/locales";
import type { Db } from "../../db/database.ts";
import { readPromptRecording } from "../../modules/voice-admin/voice-prompts.service.ts";
import type { G711 } from "../media/g711.ts";
import { decodeWav } from "../media/wav.ts";
import type { PromptLibrary } from "../prompts/prompt-library.ts";
import { standardPromptText } from "../prompts/standard-prompts.ts";
import type { VoiceDirectory } from "./voice-directory.ts";

export interface TenantPromptsContext {
  db: Db;
  directory: VoiceDirectory;
  prompts: PromptLibrary;
}

/** A prompt of the tenant in a language: the body's own recording of it when there is one, else `text` spoken. */
export function spokenPrompt(ctx: TenantPromptsContext, tenantId: string, prompt: { key: string; text: string; locale: Locale }, law: G711): Promise<Buffer> {
  const version = ctx.directory.recordingOf(tenantId, prompt.key, prompt.locale);
  if (version === null) {
    return ctx.prompts.audio(prompt.text, prompt.locale, law);
  }
  return ctx.prompts.recording(version, async () => decodeWav(await readPromptRecording(ctx.db, tenantId, prompt.key, prompt.locale)).samples, law);
}

/** A standard prompt (`standardPromptText`) as the tenant has it: reworded in its menu's texts or recorded, else the standard words. */
export function standardPrompt(ctx: TenantPromptsContext, tenantId: string, key: string, locale: Locale, law: G711): Promise<Buffer> {
  const own = ctx.directory.tenant(tenantId)?.menu.prompts?.[key];
  return spokenPrompt(ctx, tenantId, { key, text: own?.[locale] ?? own?.ru ?? standardPromptText(key, locale) ?? key, locale }, law);
}
