import { CitizenDto } from "@bailanys/common/api/appeals";
import { MergeCitizensBody, MergeResultDto } from "@bailanys/common/api/citizens";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { findCitizens } from "./citizen-lookup.service.ts";
import { mergeCitizens } from "./citizen-merge.service.ts";

export const citizenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/citizens",
    {
      config: { permission: "citizen.read" },
      schema: {
        tags: ["citizens"],
        summary:
          "Find an applicant by ИИН/БИН, phone or id; one identifier shows a masked record, the ИИН with the last four digits of the phone on record the full one (R11.1); every lookup is audited",
        querystring: Type.Object(
          {
            iin: Type.Optional(Type.String({ pattern: "^\\d{12}$" })),
            phone: Type.Optional(Type.String({ maxLength: 20 })),
            id: Type.Optional(Uuid),
            phoneLast4: Type.Optional(Type.String({ pattern: "^\\d{4}$", description: "With iin: the last four digits of the phone on record" })),
            // The answer's language (read by the authentication hook), accepted on every route.
            lang: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(CitizenDto) }) },
      },
    },
    async (request) => ({ items: await findCitizens(app.db, requireActor(request), request.meta, request.query) }),
  );
  app.post(
    "/citizens/merge",
    {
      config: { permission: "citizen.merge" },
      schema: {
        tags: ["citizens"],
        summary: "Merge two records of one person: contacts, appeals, consents and notifications move to the kept record (audited, one transaction)",
        body: MergeCitizensBody,
        response: { 200: MergeResultDto },
      },
    },
    async (request) => mergeCitizens({ db: app.db, bus: app.bus }, requireActor(request), request.meta, request.body),
  );
};
