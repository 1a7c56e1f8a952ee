import { BoardDto } from "@bailanys/common/api/contacts";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { buildBoard } from "./board.service.ts";

export const boardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/board",
    {
      config: { permission: "contact.monitor" },
      schema: { tags: ["contacts"], summary: "Live board: queues (waiting, longest wait, service level, abandoned) and operators", querystring: Type.Object({ lang: Type.Optional(Type.String()) }, { additionalProperties: false }), response: { 200: BoardDto } },
    },
    async (request) => {
      const actor = requireActor(request);
      return buildBoard(app.db, actor.tenantId, actor.locale);
    },
  );
};
