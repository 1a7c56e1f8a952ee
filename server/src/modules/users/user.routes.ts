import { Uuid } from "@bailanys/common/api/shared";
import { CreateUserBody, PasswordBody, UpdateUserBody, UserDto, UserList, UserListQuery } from "@bailanys/common/api/users";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { presentUser } from "./user.presenter.ts";
import { createUser, listUsers, resetPassword, unlockUser, updateUser } from "./user.service.ts";

const IdParams = Type.Object({ id: Uuid });

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/users",
    {
      config: { permission: "users.read" },
      schema: { tags: ["users"], summary: "Staff accounts of the contact centre", querystring: UserListQuery, response: { 200: UserList } },
    },
    async (request) => {
      const rows = await listUsers(app.db, requireActor(request), request.query);
      const now = new Date();
      return { items: rows.map((row) => presentUser(row, now)) };
    },
  );

  app.post(
    "/users",
    {
      config: { idempotent: true, permission: "users.write" },
      schema: { tags: ["users"], summary: "Open a staff account with an initial password", body: CreateUserBody, response: { 201: UserDto } },
    },
    async (request, reply) => {
      const row = await createUser(app.db, requireActor(request), request.meta, request.body, app.config);
      return reply.status(201).send(presentUser(row));
    },
  );

  app.put(
    "/users/:id",
    {
      config: { permission: "users.write" },
      schema: {
        tags: ["users"],
        summary: "Change a staff account's name, roles, placement or status; deactivating ends its sessions",
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserDto },
      },
    },
    async (request) => presentUser(await updateUser({ db: app.db, bus: app.bus }, requireActor(request), request.meta, request.params.id, request.body)),
  );

  app.post(
    "/users/:id/password",
    {
      config: { permission: "users.write" },
      schema: {
        tags: ["users"],
        summary: "Set a new password; lifts the sign-in lock and ends the user's sessions",
        params: IdParams,
        body: PasswordBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await resetPassword({ db: app.db, bus: app.bus }, requireActor(request), request.meta, request.params.id, request.body, app.config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/users/:id/unlock",
    {
      config: { permission: "users.write" },
      schema: { tags: ["users"], summary: "Lift the sign-in lock left by failed attempts", params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await unlockUser(app.db, requireActor(request), request.meta, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
