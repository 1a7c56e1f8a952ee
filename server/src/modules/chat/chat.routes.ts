import fastifyMultipart from "@fastify/multipart";
import {
  CallbackBody,
  ChatConfig,
  ChatConfigQuery,
  ChatStatus,
  LogEntryDto,
  LogPage,
  MessageBody,
  ReadBody,
  StartChatBody,
  StartChatResponse,
  SurveyBody,
  TranscriptBody,
} from "@bailanys/common/api/contacts";
import { Uuid } from "@bailanys/common/api/shared";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import { isLocale } from "@bailanys/common/locales";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AppError } from "../../platform/app-error.ts";
import { attachmentHeaders, readSingleFile } from "../../platform/multipart-file.ts";
import { addContactAttachment, readContactAttachment, removeUnsentAttachment } from "../contacts/contact-attachment.service.ts";
import { announceTyping, postCitizenMessage, recordCitizenReceipt } from "../contacts/contact-conversation.service.ts";
import { endByCitizen } from "../contacts/contact-end.service.ts";
import { logPage } from "../contacts/contact-log.repository.ts";
import { presentLog } from "../contacts/contact.presenter.ts";
import { chatConfig } from "./chat-config.service.ts";
import { chatSession } from "./chat-session.ts";
import { chatStatuses } from "./chat-status.service.ts";
import { requestCallback, sendTranscript, startChat, submitSurvey } from "./chat.service.ts";

const Params = Type.Object({ id: Uuid });
const Ok = Type.Object({ ok: Type.Literal(true) });
const tags = ["web chat"];
const ok = { ok: true as const };
const AttachmentDto = Type.Object({ id: Uuid, fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() });

/** The citizen's side of web chat: public, identified per chat by the X-Chat-Token its start returned. */
export const chatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fastifyMultipart, { limits: { fileSize: CHAT_LIMITS.attachmentMaxBytes + 1, files: 1, fields: 0 } });
  const deps = { db: app.db, bus: app.bus };
  const limit = (max: number) => ({ rateLimit: { max, timeWindow: "1 minute" } });
  // Per chat rather than per address: citizens behind one mobile operator's NAT share an address.
  const perChat = (max: number) => ({
    rateLimit: { max, timeWindow: "1 minute", keyGenerator: (request: { params: unknown; ip: string }) => `chat:${(request.params as { id?: string }).id ?? request.ip}` },
  });

  app.get(
    "/public/chat/config",
    { config: { public: true, ...limit(120) }, schema: { tags, summary: "Opening state, hours, topics, languages and interruption notices for the widget", querystring: ChatConfigQuery, response: { 200: ChatConfig } } },
    async (request) => chatConfig(app.db, request.query.tenant, isLocale(request.query.locale) ? request.query.locale : request.locale),
  );

  app.post(
    "/public/chat/sessions",
    { config: { public: true, ...limit(app.config.chatStartsPerMinute) }, schema: { tags, summary: "Start a chat (pre-chat form); answers the chat's id and secret token", body: StartChatBody, response: { 200: StartChatResponse } } },
    async (request) => startChat(deps, request.body),
  );

  app.get(
    "/public/chat/sessions/:id",
    { config: { public: true, ...perChat(120) }, schema: { tags, summary: "The chat's state, queue position and expected wait (R12.1)", params: Params, response: { 200: ChatStatus } } },
    async (request) => {
      const session = await chatSession(app.db, request, request.params.id);
      const status = (await chatStatuses(app.db, session.tenantId, [session.contactId])).get(session.contactId);
      if (!status) {
        throw new AppError("CHAT_SESSION_INVALID");
      }
      return status;
    },
  );

  app.get(
    "/public/chat/sessions/:id/log",
    { config: { public: true, ...perChat(120) }, schema: { tags, summary: "Messages and events after `since`", params: Params, querystring: Type.Object({ since: Type.Optional(Type.Integer({ minimum: 0 })), lang: Type.Optional(Type.String()) }, { additionalProperties: false }), response: { 200: LogPage } } },
    async (request) => {
      const session = await chatSession(app.db, request, request.params.id);
      const page = await logPage(app.db, session.contactId, request.query.since ?? 0, CHAT_LIMITS.replayPage, "citizen");
      return { entries: await presentLog(app.db, page.rows, "citizen"), lastSeq: page.lastSeq };
    },
  );

  app.post(
    "/public/chat/sessions/:id/messages",
    { config: { public: true, ...perChat(CHAT_LIMITS.messagesPerMinute) }, schema: { tags, summary: "Send a message (a repeated clientMsgId lands once)", params: Params, body: MessageBody, response: { 200: LogEntryDto } } },
    async (request) => {
      const session = await chatSession(app.db, request, request.params.id);
      const row = await postCitizenMessage(deps, session, request.body);
      const [entry] = await presentLog(app.db, [row], "citizen");
      if (!entry) {
        throw new AppError("INTERNAL");
      }
      return entry;
    },
  );

  app.post(
    "/public/chat/sessions/:id/typing",
    { config: { public: true, ...perChat(60) }, schema: { tags, summary: "The citizen is typing", params: Params, response: { 200: Ok } } },
    async (request) => {
      await announceTyping(deps, await chatSession(app.db, request, request.params.id), "citizen");
      return ok;
    },
  );

  app.post(
    "/public/chat/sessions/:id/read",
    { config: { public: true, ...perChat(120) }, schema: { tags, summary: "The citizen has seen the log up to seq", params: Params, body: ReadBody, response: { 200: Ok } } },
    async (request) => {
      await recordCitizenReceipt(deps, await chatSession(app.db, request, request.params.id), request.body.seq, request.body.seq);
      return ok;
    },
  );

  app.post(
    "/public/chat/sessions/:id/end",
    { config: { public: true, ...perChat(20) }, schema: { tags, summary: "Leave the chat", params: Params, response: { 200: Ok } } },
    async (request) => {
      await endByCitizen(deps, await chatSession(app.db, request, request.params.id));
      return ok;
    },
  );

  app.post(
    "/public/chat/sessions/:id/callback",
    { config: { public: true, ...perChat(5) }, schema: { tags, summary: "Leave a number to be called back instead of waiting (R13.1)", params: Params, body: CallbackBody, response: { 200: Ok } } },
    async (request) => {
      await requestCallback(deps, await chatSession(app.db, request, request.params.id), request.body.phone);
      return ok;
    },
  );

  app.post(
    "/public/chat/sessions/:id/survey",
    { config: { public: true, ...perChat(5) }, schema: { tags, summary: "Post-chat survey: satisfaction 1–5 and whether the question was solved", params: Params, body: SurveyBody, response: { 200: Ok } } },
    async (request) => {
      await submitSurvey(deps, await chatSession(app.db, request, request.params.id), request.body);
      return ok;
    },
  );

  app.post(
    "/public/chat/sessions/:id/transcript",
    { config: { public: true, ...perChat(3) }, schema: { tags, summary: "Send the transcript to an e-mail address", params: Params, body: TranscriptBody, response: { 200: Ok } } },
    async (request) => {
      await sendTranscript(app.db, await chatSession(app.db, request, request.params.id), request.body.email);
      return ok;
    },
  );

  app.post(
    "/public/chat/sessions/:id/attachments",
    {
      config: { public: true, ...perChat(10) },
      bodyLimit: CHAT_LIMITS.attachmentMaxBytes + 64 * 1024,
      schema: { tags, summary: "Upload a file (multipart, field `file`); send it with a message's attachmentId", consumes: ["multipart/form-data"], params: Params, response: { 200: AttachmentDto } },
    },
    async (request) => {
      const session = await chatSession(app.db, request, request.params.id);
      const row = await addContactAttachment(app.db, session, { kind: "citizen", userId: null }, await readSingleFile(request));
      return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes };
    },
  );

  app.delete(
    "/public/chat/sessions/:id/attachments/:attachmentId",
    {
      config: { public: true, ...perChat(10) },
      schema: { tags, summary: "Remove a file you uploaded but did not send", params: Type.Object({ id: Uuid, attachmentId: Uuid }), response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const session = await chatSession(app.db, request, request.params.id);
      await removeUnsentAttachment(app.db, session, { kind: "citizen", userId: null }, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/public/chat/sessions/:id/attachments/:attachmentId",
    { config: { public: true, ...perChat(60) }, schema: { tags, summary: "Download a file of the chat", params: Type.Object({ id: Uuid, attachmentId: Uuid }) } },
    async (request, reply) => {
      const session = await chatSession(app.db, request, request.params.id);
      const row = await readContactAttachment(app.db, session.contactId, request.params.attachmentId);
      return reply.headers(attachmentHeaders(row.file_name, row.content_type)).send(Buffer.from(row.content));
    },
  );
};
