import {
  AgentProfileBody,
  AgentProfileDto,
  CannedReplyBody,
  CannedReplyDto,
  CodedListBody,
  CodedItem,
  QueueBody,
  QueueDto,
} from "@bailanys/common/api/routing-admin";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { listAgentProfiles, saveAgentProfile } from "./agent-profile.service.ts";
import { listQueues, saveQueue } from "./queue-admin.service.ts";
import { deleteCannedReply, listCannedReplies, readCodedList, replaceCodedList, saveCannedReply, type CodedListTable } from "./reply-lists.service.ts";

const tags = ["routing administration"];
const NoQuery = Type.Object({ lang: Type.Optional(Type.String()) }, { additionalProperties: false });
const Params = Type.Object({ id: Uuid });
const config = { permission: "routing.manage" as const };

/** Administration of the contact engine: queues, operators' routing profiles, coded lists, canned replies. */
export const routingAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { db: app.db, bus: app.bus };

  app.get("/routing/queues", { config, schema: { tags, summary: "Queues with their routing rules and hours", querystring: NoQuery, response: { 200: Type.Object({ items: Type.Array(QueueDto) }) } } }, async (request) => ({
    items: await listQueues(app.db, requireActor(request).tenantId),
  }));
  app.post(
    "/routing/queues",
    { config: { ...config, idempotent: true }, schema: { tags, summary: "Create a queue", body: QueueBody, response: { 201: QueueDto } } },
    async (request, reply) => reply.status(201).send(await saveQueue(deps, requireActor(request), request.meta, null, request.body)),
  );
  app.put("/routing/queues/:id", { config, schema: { tags, summary: "Change a queue (deactivate instead of deleting)", params: Params, body: QueueBody, response: { 200: QueueDto } } }, async (request) =>
    saveQueue(deps, requireActor(request), request.meta, request.params.id, request.body),
  );

  app.get("/routing/agents", { config, schema: { tags, summary: "Staff who may handle contacts, with their routing profiles", querystring: NoQuery, response: { 200: Type.Object({ items: Type.Array(AgentProfileDto) }) } } }, async (request) => ({
    items: await listAgentProfiles(app.db, requireActor(request).tenantId),
  }));
  app.put(
    "/routing/agents/:userId",
    { config, schema: { tags, summary: "Set an operator's languages, line, capacity per channel and skills", params: Type.Object({ userId: Uuid }), body: AgentProfileBody, response: { 200: AgentProfileDto } } },
    async (request) => saveAgentProfile(deps, requireActor(request), request.meta, request.params.userId, request.body),
  );

  const codedList = (path: string, table: CodedListTable, what: string) => {
    app.get(path, { config, schema: { tags, summary: `${what}`, querystring: NoQuery, response: { 200: Type.Object({ items: Type.Array(CodedItem) }) } } }, async (request) => ({
      items: await readCodedList(app.db, table, requireActor(request).tenantId),
    }));
    app.put(path, { config, schema: { tags, summary: `Replace the ${what.toLowerCase()} (codes in use cannot be removed)`, body: CodedListBody, response: { 200: Type.Object({ items: Type.Array(CodedItem) }) } } }, async (request) => ({
      items: await replaceCodedList(app.db, table, requireActor(request), request.meta, request.body.items),
    }));
  };
  codedList("/routing/wrapup-codes", "wrapup_codes", "Wrap-up codes");
  codedList("/routing/not-ready-reasons", "not_ready_reasons", "Not-ready reasons");

  app.get("/routing/canned-replies", { config, schema: { tags, summary: "Canned replies in every language", querystring: NoQuery, response: { 200: Type.Object({ items: Type.Array(CannedReplyDto) }) } } }, async (request) => ({
    items: await listCannedReplies(app.db, requireActor(request).tenantId),
  }));
  app.post(
    "/routing/canned-replies",
    { config: { ...config, idempotent: true }, schema: { tags, summary: "Add a canned reply", body: CannedReplyBody, response: { 201: CannedReplyDto } } },
    async (request, reply) => reply.status(201).send(await saveCannedReply(app.db, requireActor(request), request.meta, null, request.body)),
  );
  app.put("/routing/canned-replies/:id", { config, schema: { tags, summary: "Change a canned reply", params: Params, body: CannedReplyBody, response: { 200: CannedReplyDto } } }, async (request) =>
    saveCannedReply(app.db, requireActor(request), request.meta, request.params.id, request.body),
  );
  app.delete("/routing/canned-replies/:id", { config, schema: { tags, summary: "Delete a canned reply", params: Params, response: { 200: Type.Object({ ok: Type.Literal(true) }) } } }, async (request) => {
    await deleteCannedReply(app.db, requireActor(request), request.meta, request.params.id);
    return { ok: true as const };
  });
};
