import { PublicAppealDto, PublicAppealQuery } from "@bailanys/common/api/appeals";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { publicAppealStatus } from "./public-appeal.service.ts";

export const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/public/appeals/:number",
    {
      config: { public: true, rateLimit: { max: app.config.publicRateLimitPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags: ["public"],
        summary: "Status of an appeal for its applicant: registration number plus ИИН or the phone's last four digits",
        params: Type.Object({ number: Type.String({ minLength: 3, maxLength: 60 }) }),
        querystring: PublicAppealQuery,
        response: { 200: PublicAppealDto },
      },
    },
    async (request) => publicAppealStatus(app.db, request.meta, request.params.number, request.query, request.query.lang ?? request.locale),
  );
};
