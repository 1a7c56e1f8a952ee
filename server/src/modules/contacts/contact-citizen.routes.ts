import { CitizenCardDto, LinkCitizenBody, VerifyBody } from "@bailanys/common/api/contacts";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { citizenCard, linkContactCitizen, verifyContactCitizen } from "./citizen-card.service.ts";

const Params = Type.Object({ id: Uuid });
const tags = ["contacts"];

/** The citizen card of a conversation: identity, verification (R11.1), timeline across channels (R32.2). */
export const contactCitizenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { db: app.db, bus: app.bus };
  app.get(
    "/contacts/:id/citizen",
    {
      config: { permission: "contact.read" },
      schema: { tags, summary: "The citizen card with the timeline of contacts and appeals (protected data once verified; audited)", params: Params, querystring: Type.Object({ lang: Type.Optional(Type.String()) }, { additionalProperties: false }), response: { 200: CitizenCardDto } },
    },
    async (request) => citizenCard(app.db, requireActor(request), request.meta, request.params.id, request.locale),
  );
  app.post(
    "/contacts/:id/verify",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Verify the citizen's identity: stated ИИН and the last four digits of the phone on record", params: Params, body: VerifyBody, response: { 200: CitizenCardDto } } },
    async (request) => {
      const actor = requireActor(request);
      await verifyContactCitizen(deps, actor, request.meta, request.params.id, request.body);
      return citizenCard(app.db, actor, request.meta, request.params.id, request.locale);
    },
  );
  app.post(
    "/contacts/:id/citizen",
    { config: { permission: "contact.handle" }, schema: { tags, summary: "Tie the conversation to a citizen record by hand (audited)", params: Params, body: LinkCitizenBody, response: { 200: CitizenCardDto } } },
    async (request) => {
      const actor = requireActor(request);
      await linkContactCitizen(deps, actor, request.meta, request.params.id, request.body.citizenId);
      return citizenCard(app.db, actor, request.meta, request.params.id, request.locale);
    },
  );
};
