import { BodyBody, PositionBody, UnitBody } from "@bailanys/common/api/org";
import { BodyDto, PositionDto, UnitDto } from "@bailanys/common/api/reference";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type, type Static } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import {
  createBody,
  createPosition,
  createUnit,
  deleteBody,
  deletePosition,
  deleteUnit,
  updateBody,
  updatePosition,
  updateUnit,
  type BodyRow,
  type PositionRow,
  type UnitRow,
} from "./org.service.ts";

// The same shapes GET /reference lists, so an edit screen can splice the answer into the list it shows.
const names = (row: { name_kk: string; name_ru: string; name_en: string }) => ({ nameKk: row.name_kk, nameRu: row.name_ru, nameEn: row.name_en });

function presentBody(row: BodyRow): Static<typeof BodyDto> {
  return { id: row.id, bin: row.bin, ...names(row), isExternal: row.is_external, email: row.email, active: row.active };
}

function presentUnit(row: UnitRow): Static<typeof UnitDto> {
  return { id: row.id, bodyId: row.body_id, parentId: row.parent_id, ...names(row), active: row.active };
}

function presentPosition(row: PositionRow): Static<typeof PositionDto> {
  return { id: row.id, unitId: row.unit_id, ...names(row), active: row.active };
}

const IdParams = Type.Object({ id: Uuid });
const NoContent = { 204: Type.Null() };

export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/bodies",
    { config: { idempotent: true, permission: "org.write" }, schema: { tags: ["org"], summary: "Add a state body or an outside organisation", body: BodyBody, response: { 201: BodyDto } } },
    async (request, reply) => {
      const row = await createBody(app.db, requireActor(request), request.meta, request.body);
      return reply.status(201).send(presentBody(row));
    },
  );

  app.put(
    "/bodies/:id",
    { config: { permission: "org.write" }, schema: { tags: ["org"], summary: "Change a body", params: IdParams, body: BodyBody, response: { 200: BodyDto } } },
    async (request) => presentBody(await updateBody(app.db, requireActor(request), request.meta, request.params.id, request.body)),
  );

  app.delete(
    "/bodies/:id",
    { config: { permission: "org.write" }, schema: { tags: ["org"], summary: "Delete a body nothing refers to", params: IdParams, response: NoContent } },
    async (request, reply) => {
      await deleteBody(app.db, requireActor(request), request.meta, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/units",
    { config: { idempotent: true, permission: "org.write" }, schema: { tags: ["org"], summary: "Add a unit (department) to a body", body: UnitBody, response: { 201: UnitDto } } },
    async (request, reply) => {
      const row = await createUnit(app.db, requireActor(request), request.meta, request.body);
      return reply.status(201).send(presentUnit(row));
    },
  );

  app.put(
    "/units/:id",
    { config: { permission: "org.write" }, schema: { tags: ["org"], summary: "Change a unit", params: IdParams, body: UnitBody, response: { 200: UnitDto } } },
    async (request) => presentUnit(await updateUnit(app.db, requireActor(request), request.meta, request.params.id, request.body)),
  );

  app.delete(
    "/units/:id",
    { config: { permission: "org.write" }, schema: { tags: ["org"], summary: "Delete a unit nothing refers to", params: IdParams, response: NoContent } },
    async (request, reply) => {
      await deleteUnit(app.db, requireActor(request), request.meta, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/positions",
    { config: { idempotent: true, permission: "org.write" }, schema: { tags: ["org"], summary: "Add a staff position to a unit", body: PositionBody, response: { 201: PositionDto } } },
    async (request, reply) => {
      const row = await createPosition(app.db, requireActor(request), request.meta, request.body);
      return reply.status(201).send(presentPosition(row));
    },
  );

  app.put(
    "/positions/:id",
    { config: { permission: "org.write" }, schema: { tags: ["org"], summary: "Change a position", params: IdParams, body: PositionBody, response: { 200: PositionDto } } },
    async (request) => presentPosition(await updatePosition(app.db, requireActor(request), request.meta, request.params.id, request.body)),
  );

  app.delete(
    "/positions/:id",
    { config: { permission: "org.write" }, schema: { tags: ["org"], summary: "Delete a position nothing refers to", params: IdParams, response: NoContent } },
    async (request, reply) => {
      await deletePosition(app.db, requireActor(request), request.meta, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
