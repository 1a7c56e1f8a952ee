import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { assertCanReadContact } from "../contacts/contact.policy.ts";
import { callFigures, callRecording } from "./call.service.ts";

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

/** A phone contact's call: its figures for the KPIs, and its recording for quality control (every listen audited). */
export const callRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/contacts/:id/call",
    { config: { permission: "contact.read" }, schema: { tags, summary: "The figures of a phone contact's call (menu, wait, talk, hold, wrap-up)", params: Type.Object({ id: Uuid }), response: { 200: CallFiguresDto } } },
    async (request) => {
      const actor = requireActor(request);
      await assertCanReadContact(app.db, actor, request.params.id);
      return callFigures(app.db, actor.tenantId, request.params.id);
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
