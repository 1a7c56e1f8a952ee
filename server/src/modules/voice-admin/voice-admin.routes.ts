import fastifyMultipart from "@fastify/multipart";
import { ExtensionBody, ExtensionDto, PromptRecordingDto, VoiceSettingsBody, VoiceSettingsDto } from "@bailanys/common/api/voice-admin";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { readSingleFile } from "../../platform/multipart-file.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { deleteExtension, listExtensions, saveExtension } from "./voice-extensions.service.ts";
import { deletePromptRecording, listPromptRecordings, readPromptRecording, savePromptRecording } from "./voice-prompts.service.ts";
import { readVoiceSettings, saveVoiceSettings } from "./voice-settings.service.ts";

const tags = ["voice administration"];
const config = { permission: "routing.manage" as const };
const ExtensionParams = Type.Object({ extension: Type.String({ pattern: "^[0-9]{2,8}$" }) });
const PromptParams = Type.Object({ key: Type.String({ pattern: "^[a-z0-9_:.-]{1,60}$" }), locale: Type.Union([Type.Literal("kk"), Type.Literal("ru"), Type.Literal("en")]) });
/** A few minutes of 16-bit audio at 48 kHz: enough for any prompt. */
const PROMPT_MAX_BYTES = 16 * 1024 * 1024;

/** The single number's administration: menu, waiting rules, numbers and trunks, phone extensions, recorded prompts. */
export const voiceAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fastifyMultipart, { limits: { fileSize: PROMPT_MAX_BYTES, files: 1, fields: 0 } });
  const deps = { db: app.db, bus: app.bus };

  app.get("/voice/settings", { config, schema: { tags, summary: "The voice menu, waiting and recording rules, numbers and trunks", response: { 200: VoiceSettingsDto } } }, async (request) =>
    readVoiceSettings(app.db, requireActor(request).tenantId),
  );
  app.put("/voice/settings", { config, schema: { tags, summary: "Save them (the waiting notice at most once a minute, R12.2)", body: VoiceSettingsBody, response: { 200: VoiceSettingsDto } } }, async (request) =>
    saveVoiceSettings(deps, requireActor(request), request.meta, request.body),
  );

  app.get("/voice/extensions", { config, schema: { tags, summary: "Operators' phone extensions", response: { 200: Type.Object({ items: Type.Array(ExtensionDto) }) } } }, async (request) => ({
    items: await listExtensions(app.db, requireActor(request).tenantId),
  }));
  app.put(
    "/voice/extensions/:extension",
    { config, schema: { tags, summary: "Create an extension, assign it to an operator or set its password", params: ExtensionParams, body: ExtensionBody, response: { 200: ExtensionDto } } },
    async (request) => saveExtension(deps, requireActor(request), request.meta, app.config.voice.realm, request.params.extension, request.body),
  );
  app.delete("/voice/extensions/:extension", { config, schema: { tags, summary: "Delete an extension", params: ExtensionParams, response: { 204: Type.Null() } } }, async (request, reply) => {
    await deleteExtension(deps, requireActor(request), request.meta, request.params.extension);
    return reply.code(204).send(null);
  });

  app.get("/voice/prompts", { config, schema: { tags, summary: "The body's own recordings of its prompts", response: { 200: Type.Object({ items: Type.Array(PromptRecordingDto) }) } } }, async (request) => ({
    items: await listPromptRecordings(app.db, requireActor(request).tenantId),
  }));
  app.put(
    "/voice/prompts/:key/:locale",
    { config, bodyLimit: PROMPT_MAX_BYTES + 64 * 1024, schema: { tags, summary: "Upload a recording of a prompt (16-bit PCM WAV, multipart field `file`)", consumes: ["multipart/form-data"], params: PromptParams, response: { 200: PromptRecordingDto } } },
    async (request) => {
      const { content } = await readSingleFile(request);
      return savePromptRecording(deps, requireActor(request), request.meta, request.params.key, request.params.locale, content);
    },
  );
  app.get("/voice/prompts/:key/:locale", { config, schema: { tags, summary: "Listen to a recorded prompt (WAV)", params: PromptParams } }, async (request, reply) => {
    const wav = await readPromptRecording(app.db, requireActor(request).tenantId, request.params.key, request.params.locale);
    return reply.headers({ "content-type": "audio/wav", "x-content-type-options": "nosniff" }).send(wav);
  });
  app.delete("/voice/prompts/:key/:locale", { config, schema: { tags, summary: "Delete a recording (generated speech reads the text again)", params: PromptParams, response: { 204: Type.Null() } } }, async (request, reply) => {
    await deletePromptRecording(deps, requireActor(request), request.meta, request.params.key, request.params.locale);
    return reply.code(204).send(null);
  });
};
