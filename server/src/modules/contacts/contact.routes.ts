import {
  AgentSnapshot,
  AgentStateBody,
  ContactDto,
  LogEntryDto,
  LogPage,
  MessageBody,
  NoteBody,
  ReadBody,
  TransferBody,
  WorkspaceOptions,
  WrapupBody,
} from "@bailanys/common/api/contacts";
import { Uuid } from "@bailanys/common/api/shared";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AppError } from "../../platform/app-error.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { agentSnapshot, workspaceOptions } from "./agent-workspace.service.ts";
import { setAgentState } from "./agent-state.service.ts";
import { announceTyping, postAgentMessage, postNote, recordAgentRead } from "./contact-conversation.service.ts";
import { completeWrapup, endByAgent } from "./contact-end.service.ts";
import { holdContact, resumeContact } from "./contact-hold.service.ts";
import { logPage } from "./contact-log.repository.ts";
import { acceptOffer, declineOffer } from "./contact-offer.service.ts";
import { assertCanReadContact } from "./contact.policy.ts";
import { presentContactRows, presentContacts, presentLog } from "./contact.presenter.ts";
import { transferContact } from "./contact-transfer.service.ts";

const Params = Type.Object({ id: Uuid });
const Lang = { lang: Type.Optional(Type.String()) };
const Ok = Type.Object({ ok: Type.Literal(true) });
const tags = ["contacts"];

/** The operator window's API: own state, offers, conversations, wrap-up and transfer. */
export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { db: app.db, bus: app.bus };

  app.get(
    "/agent/me",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "The operator's state, pending offers and open contacts", querystring: Type.Object(Lang, { additionalProperties: false }), response: { 200: AgentSnapshot } } },
    async (request) => agentSnapshot(app.db, requireActor(request)),
  );

  app.put(
    "/agent/me/state",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Switch ready / not ready (with a reason) / offline", body: AgentStateBody, response: { 200: AgentSnapshot } } },
    async (request) => {
      const actor = requireActor(request);
      await setAgentState(deps, actor, request.body);
      return agentSnapshot(app.db, actor);
    },
  );

  app.get(
    "/agent/workspace-options",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Queues, wrap-up codes, not-ready reasons, canned replies and colleagues", querystring: Type.Object(Lang, { additionalProperties: false }), response: { 200: WorkspaceOptions } } },
    async (request) => workspaceOptions(app.db, requireActor(request)),
  );

  app.post(
    "/offers/:id/accept",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Accept an offered contact", params: Params, response: { 200: ContactDto } } },
    async (request) => {
      const actor = requireActor(request);
      const contact = await acceptOffer(deps, actor, request.meta, request.params.id);
      return one(await presentContactRows(app.db, actor.tenantId, [contact], actor.locale));
    },
  );

  app.post(
    "/offers/:id/decline",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Decline an offered contact (it goes to someone else)", params: Params, response: { 200: Ok } } },
    async (request) => {
      await declineOffer(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/contacts/:id",
    { config: { permission: "contact.read" }, schema: { tags, summary: "A contact (audited: it shows the citizen's details)", params: Params, querystring: Type.Object(Lang, { additionalProperties: false }), response: { 200: ContactDto } } },
    async (request) => {
      const actor = requireActor(request);
      await assertCanReadContact(app.db, actor, request.params.id);
      await recordAudit(app.db, actor, request.meta, { action: "contact.read", entity: "contact", entityId: request.params.id });
      return one(await presentContacts(app.db, actor.tenantId, [request.params.id], actor.locale));
    },
  );

  app.get(
    "/contacts/:id/log",
    {
      config: { permission: "contact.read" },
      schema: { tags, summary: "The contact's log after `since` (messages, events, notes)", params: Params, querystring: Type.Object({ since: Type.Optional(Type.Integer({ minimum: 0 })), ...Lang }, { additionalProperties: false }), response: { 200: LogPage } },
    },
    async (request) => {
      const actor = requireActor(request);
      await assertCanReadContact(app.db, actor, request.params.id);
      const page = await logPage(app.db, request.params.id, request.query.since ?? 0, CHAT_LIMITS.replayPage, "staff");
      return { entries: await presentLog(app.db, page.rows, "staff"), lastSeq: page.lastSeq };
    },
  );

  app.post(
    "/contacts/:id/messages",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Send a message to the citizen (a repeated clientMsgId lands once)", params: Params, body: MessageBody, response: { 200: LogEntryDto } } },
    async (request) => {
      const row = await postAgentMessage(deps, requireActor(request), request.params.id, request.body);
      return one(await presentLog(app.db, [row], "staff"));
    },
  );

  app.post(
    "/contacts/:id/notes",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "A note for colleagues, never shown to the citizen", params: Params, body: NoteBody, response: { 200: LogEntryDto } } },
    async (request) => {
      const actor = requireActor(request);
      await assertCanReadContact(app.db, actor, request.params.id);
      const row = await postNote(deps, actor, request.params.id, request.body.text);
      return one(await presentLog(app.db, [row], "staff"));
    },
  );

  app.post(
    "/contacts/:id/typing",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Tell the citizen the operator is typing", params: Params, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      await announceTyping(deps, { contactId: request.params.id, tenantId: actor.tenantId }, "agent");
      return { ok: true as const };
    },
  );

  app.post(
    "/contacts/:id/read",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "The operator has read the log up to seq", params: Params, body: ReadBody, response: { 200: Ok } } },
    async (request) => {
      await recordAgentRead(deps, requireActor(request), request.params.id, request.body.seq);
      return { ok: true as const };
    },
  );

  app.post(
    "/contacts/:id/end",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "End the conversation; wrap-up follows", params: Params, response: { 200: Ok } } },
    async (request) => {
      await endByAgent(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    "/contacts/:id/hold",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Put the conversation on hold (the citizen is asked to wait)", params: Params, response: { 200: Ok } } },
    async (request) => {
      await holdContact(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    "/contacts/:id/resume",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Take the conversation off hold", params: Params, response: { 200: Ok } } },
    async (request) => {
      await resumeContact(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    "/contacts/:id/wrapup",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Wrap up: code, note, resolved at first contact (ends the conversation if still open)", params: Params, body: WrapupBody, response: { 200: Ok } } },
    async (request) => {
      await completeWrapup(deps, requireActor(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    "/contacts/:id/transfer",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Transfer to a queue (e.g. the 2nd line) or a colleague, with a note", params: Params, body: TransferBody, response: { 200: Ok } } },
    async (request) => {
      const { queueId, agentId, note } = request.body;
      if ((queueId === undefined) === (agentId === undefined)) {
        throw new AppError("VALIDATION_FAILED", [{ field: queueId === undefined ? "queueId" : "agentId", code: queueId === undefined ? "FIELD_REQUIRED" : "FIELD_INVALID" }]);
      }
      await transferContact(deps, requireActor(request), request.params.id, agentId !== undefined ? { agentId } : { queueId: queueId ?? "" }, note ?? null);
      return { ok: true as const };
    },
  );
};

function one<T>(items: T[]): T {
  const [first] = items;
  if (first === undefined) {
    throw new AppError("NOT_FOUND");
  }
  return first;
}
