import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { assertCanReadContact } from "../contacts/contact.policy.ts";
import { callFigures, callRecording } from "./call.service.ts";
import { callAppealCitizen } from "./appeal-call.service.ts";
import { addDoNotCall, requestOutboundCall } from "./outbound-call.service.ts";

const tags = ["calls"];
const Seconds = Type.Union([Type.Integer(), Type.Null()]);
const CallFiguresDto = Type.Object({
  callId: Uuid,
  callerNumber: Type.Union([Type.String(), Type.Null()]),
  dialledNumber: Type.String(),
  menuDigits: Type.Array(Type.String()),
  locale: Type.Union([Type.String(), Type.Null()]),
  ivrSeconds: Seconds,
  waitSeconds: Seconds,
  answered: Type.Boolean(),
  abandoned: Type.Boolean(),
  shortAbandon: Type.Boolean(),
  talkSeconds: Seconds,
  holdSeconds: Type.Integer(),
  holds: Type.Integer(),
  wrapupSeconds: Seconds,
  transfers: Type.Integer(),
  operatorAttempts: Type.Integer(),
  endedBy: Type.Union([Type.String(), Type.Null()]),
  recordingSeconds: Seconds,
});

const DialBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }), phone: Type.Optional(Type.String({ maxLength: 30 })) }, { additionalProperties: false });

/** A phone contact's call: its figures for the KPIs, and its recording for quality control (every listen audited). */
export const callRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/contacts/:id/call",
    { config: { permission: "contact.read" }, schema: { tags, summary: "The figures of a phone contact's call (menu, wait, talk, hold, wrap-up)", params: Type.Object({ id: Uuid }), response: { 200: CallFiguresDto } } },
    async (request) => {
      const actor = requireActor(request);
      await assertCanReadContact(app.db, actor, request.params.id);
      const figures = await callFigures(app.db, actor.tenantId, request.params.id);
      // The caller's number is personal data: who read it is recorded.
      await recordAudit(app.db, actor, request.meta, { action: "call.read", entity: "contact", entityId: request.params.id });
      return figures;
    },
  );

  app.post(
    "/contacts/:id/dial",
    {
      config: { permission: "contact.handle" },
      schema: {
        tags,
        summary: "Call the citizen of a contact you hold: your phone rings first, then theirs (R13.3 reason, R13.4 do-not-call, R13.5 hours)",
        params: Type.Object({ id: Uuid }),
        body: DialBody,
        response: { 202: Type.Object({ id: Uuid }) },
      },
    },
    async (request, reply) => reply.code(202).send(await requestOutboundCall({ db: app.db, bus: app.bus }, requireActor(request), request.meta, request.params.id, request.body)),
  );

  app.post(
    "/appeals/:id/dial",
    {
      config: { permission: "contact.handle" },
      schema: {
        tags,
        summary: "Call the citizen of an appeal (a follow-up): an outbound phone contact opens in your window, your phone rings first, then theirs (R13.3 reason, R13.4 do-not-call, R13.5 hours)",
        params: Type.Object({ id: Uuid }),
        body: DialBody,
        response: { 202: Type.Object({ id: Uuid, contactId: Uuid }) },
      },
    },
    async (request, reply) => reply.code(202).send(await callAppealCitizen({ db: app.db, bus: app.bus }, requireActor(request), request.meta, request.params.id, request.body)),
  );

  app.post(
    "/calls/do-not-call",
    {
      config: { permission: "contact.handle" },
      schema: { tags, summary: "Put a number on the do-not-call list (R13.4), when a citizen asks", body: Type.Object({ phone: Type.String({ maxLength: 30 }), note: Type.String({ maxLength: 500 }) }, { additionalProperties: false }), response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await addDoNotCall(app.db, requireActor(request), request.meta, request.body.phone, request.body.note);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/contacts/:id/call/recording",
    { config: { permission: "contact.monitor" }, schema: { tags, summary: "Listen to the call's stereo recording (WAV; audited)", params: Type.Object({ id: Uuid }) } },
    async (request, reply) => {
      const actor = requireActor(request);
      await assertCanReadContact(app.db, actor, request.params.id);
      const wav = await callRecording(app.db, actor.tenantId, request.params.id);
      await recordAudit(app.db, actor, request.meta, { action: "call.recording.listen", entity: "contact", entityId: request.params.id });
      return reply.headers({ "content-type": "audio/wav", "cache-control": "no-store" }).send(wav);
    },
  );
};
