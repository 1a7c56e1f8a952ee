import {
  AppealDto,
  AppealListQuery,
  AppealPage,
  AssignBody,
  CreateAppealBody,
  DuplicateBody,
  ExtendBody,
  ForwardBody,
  ForwardStatusBody,
  TransitionBody,
  WithdrawBody,
} from "@bailanys/common/api/appeals";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/require-actor.ts";
import { extendAppeal } from "./appeal-extension.service.ts";
import { forwardAppeal, updateForwardStatus } from "./appeal-forward.service.ts";
import { assignAppeal, linkDuplicate, transitionAppeal, withdrawAppeal } from "./appeal-lifecycle.service.ts";
import { getAppealCard, listAppeals } from "./appeal-query.service.ts";
import { registerAppeal } from "./appeal-registration.service.ts";

const IdParams = Type.Object({ id: Uuid });
const IdempotencyHeaders = Type.Object({
  "idempotency-key": Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Repeat a creation safely: the same key returns the first result" })),
});

export const appealRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/appeals",
    {
      config: { permission: "appeal.create" },
      schema: {
        tags: ["appeals"],
        summary: "Register an appeal (number, receipt, legal deadline, responsible unit)",
        headers: IdempotencyHeaders,
        body: CreateAppealBody,
        response: { 201: AppealDto },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const key = request.headers["idempotency-key"] ?? null;
      const result = await registerAppeal(app.db, actor, request.meta, request.body, key, request.locale, app.bus);
      if (result.replayed) {
        reply.header("idempotent-replayed", "true");
      }
      reply.header("location", `/api/v1/appeals/${result.appealId}`);
      return reply.status(201).send(result.card ?? (await getAppealCard(app.db, actor, request.meta, result.appealId, request.locale)));
    },
  );

  app.get(
    "/appeals",
    {
      config: { permission: "appeal.read" },
      schema: { tags: ["appeals"], summary: "Registry and work queues, cursor-paginated", querystring: AppealListQuery, response: { 200: AppealPage } },
    },
    async (request) => listAppeals(app.db, requireActor(request), request.meta, request.query, request.locale),
  );

  app.get(
    "/appeals/:id",
    {
      config: { permission: "appeal.read" },
      schema: { tags: ["appeals"], summary: "Appeal card with its history", params: IdParams, response: { 200: AppealDto } },
    },
    async (request) => getAppealCard(app.db, requireActor(request), request.meta, request.params.id, request.locale),
  );

  /** Every action answers with the fresh card, so the client never shows a stale appeal. */
  const freshCard = (request: FastifyRequest, id: string) => getAppealCard(app.db, requireActor(request), request.meta, id, request.locale);

  app.post(
    "/appeals/:id/transitions",
    {
      config: { permission: "appeal.transition" },
      schema: { tags: ["appeals"], summary: "Move the appeal along the status graph", params: IdParams, body: TransitionBody, response: { 200: AppealDto } },
    },
    async (request) => {
      await transitionAppeal(app.db, requireActor(request), request.meta, request.params.id, request.body);
      return freshCard(request, request.params.id);
    },
  );

  app.post(
    "/appeals/:id/assign",
    {
      config: { permission: "appeal.assign" },
      schema: { tags: ["appeals"], summary: "Set the responsible unit, position and person", params: IdParams, body: AssignBody, response: { 200: AppealDto } },
    },
    async (request) => {
      await assignAppeal(app.db, requireActor(request), request.meta, request.params.id, request.body);
      return freshCard(request, request.params.id);
    },
  );

  app.post(
    "/appeals/:id/forwards",
    {
      config: { permission: "appeal.forward" },
      schema: { tags: ["appeals"], summary: "Forward whole or in part to another body", params: IdParams, body: ForwardBody, response: { 200: AppealDto } },
    },
    async (request) => {
      await forwardAppeal(app.db, requireActor(request), request.meta, request.params.id, request.body);
      return freshCard(request, request.params.id);
    },
  );

  app.patch(
    "/appeals/:id/forwards/:forwardId",
    {
      config: { permission: "appeal.forward" },
      schema: {
        tags: ["appeals"],
        summary: "Record the state of a forward",
        params: Type.Object({ id: Uuid, forwardId: Uuid }),
        body: ForwardStatusBody,
        response: { 200: AppealDto },
      },
    },
    async (request) => {
      await updateForwardStatus(app.db, requireActor(request), request.meta, request.params.id, request.params.forwardId, request.body);
      return freshCard(request, request.params.id);
    },
  );

  app.post(
    "/appeals/:id/extensions",
    {
      config: { permission: "appeal.extend" },
      schema: { tags: ["appeals"], summary: "Extend the deadline (at most two months from receipt)", params: IdParams, body: ExtendBody, response: { 200: AppealDto } },
    },
    async (request) => {
      await extendAppeal(app.db, requireActor(request), request.meta, request.params.id, request.body);
      return freshCard(request, request.params.id);
    },
  );

  app.post(
    "/appeals/:id/withdraw",
    {
      config: { permission: "appeal.withdraw" },
      schema: { tags: ["appeals"], summary: "Withdrawal at the applicant's request", params: IdParams, body: WithdrawBody, response: { 200: AppealDto } },
    },
    async (request) => {
      await withdrawAppeal(app.db, requireActor(request), request.meta, request.params.id, request.body);
      return freshCard(request, request.params.id);
    },
  );

  app.post(
    "/appeals/:id/duplicate",
    {
      config: { permission: "appeal.link_duplicate" },
      schema: { tags: ["appeals"], summary: "Close as a duplicate of another appeal", params: IdParams, body: DuplicateBody, response: { 200: AppealDto } },
    },
    async (request) => {
      await linkDuplicate(app.db, requireActor(request), request.meta, request.params.id, request.body);
      return freshCard(request, request.params.id);
    },
  );

};
