import {
  ClassifierItemBody,
  EscalationRulesBody,
  ImportResult,
  REFERENCE_LIST_BODIES,
  REFERENCE_LIST_NAMES,
  ReferenceDto,
  TransitionsBody,
} from "@bailanys/common/api/reference";
import { Code, Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../../platform/require-actor.ts";
import { importClassifier } from "./classifier-import.ts";
import { presentReference } from "./reference.presenter.ts";
import {
  createClassifierItem,
  deleteClassifierItem,
  deleteListItem,
  replaceEscalationRules,
  replaceTransitions,
  updateClassifierItem,
  upsertListItem,
} from "./reference.service.ts";
import { referenceSnapshot } from "./reference.snapshot.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const current = async (request: FastifyRequest) => presentReference(await referenceSnapshot(app.db, requireActor(request).tenantId));

  app.get(
    "/reference",
    { config: { permission: "reference.read" }, schema: { tags: ["reference"], summary: "All reference data of the contact centre", response: { 200: ReferenceDto } } },
    async (request) => current(request),
  );

  for (const list of REFERENCE_LIST_NAMES) {
    app.put(
      `/reference/${list}/:code`,
      {
        config: { permission: "reference.write" },
        schema: {
          tags: ["reference"],
          summary: `Create or change an entry of ${list}`,
          params: Type.Object({ code: Code }),
          body: REFERENCE_LIST_BODIES[list],
          response: { 200: ReferenceDto },
        },
      },
      async (request) => {
        const { code } = request.params as { code: string };
        await upsertListItem(app.db, requireActor(request), request.meta, list, code, request.body as never);
        return current(request);
      },
    );
    app.delete(
      `/reference/${list}/:code`,
      {
        config: { permission: "reference.write" },
        schema: { tags: ["reference"], summary: `Delete an unused entry of ${list}`, params: Type.Object({ code: Code }), response: { 200: ReferenceDto } },
      },
      async (request) => {
        const { code } = request.params as { code: string };
        await deleteListItem(app.db, requireActor(request), request.meta, list, code);
        return current(request);
      },
    );
  }

  app.put(
    "/reference/transitions",
    {
      config: { permission: "reference.write" },
      schema: { tags: ["reference"], summary: "Replace the status transition graph", body: TransitionsBody, response: { 200: ReferenceDto } },
    },
    async (request) => {
      await replaceTransitions(app.db, requireActor(request), request.meta, request.body.transitions);
      return current(request);
    },
  );

  app.put(
    "/reference/escalation-rules",
    {
      config: { permission: "reference.write" },
      schema: { tags: ["reference"], summary: "Replace the escalation thresholds", body: EscalationRulesBody, response: { 200: ReferenceDto } },
    },
    async (request) => {
      await replaceEscalationRules(app.db, requireActor(request), request.meta, request.body.rules);
      return current(request);
    },
  );

  app.post(
    "/reference/classifier",
    { config: { idempotent: true, permission: "reference.write" }, schema: { tags: ["reference"], summary: "Add a classifier item", body: ClassifierItemBody, response: { 201: ReferenceDto } } },
    async (request, reply) => {
      await createClassifierItem(app.db, requireActor(request), request.meta, request.body);
      return reply.status(201).send(await current(request));
    },
  );

  app.put(
    "/reference/classifier/:id",
    {
      config: { permission: "reference.write" },
      schema: { tags: ["reference"], summary: "Change a classifier item", params: Type.Object({ id: Uuid }), body: ClassifierItemBody, response: { 200: ReferenceDto } },
    },
    async (request) => {
      await updateClassifierItem(app.db, requireActor(request), request.meta, request.params.id, request.body);
      return current(request);
    },
  );

  app.delete(
    "/reference/classifier/:id",
    { config: { permission: "reference.write" }, schema: { tags: ["reference"], summary: "Delete an unused classifier item", params: Type.Object({ id: Uuid }), response: { 200: ReferenceDto } } },
    async (request) => {
      await deleteClassifierItem(app.db, requireActor(request), request.meta, request.params.id);
      return current(request);
    },
  );

  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  app.addContentTypeParser(XLSX_TYPE, { parseAs: "buffer", bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  app.post(
    "/reference/classifier/import",
    {
      config: { permission: "reference.write" },
      schema: {
        tags: ["reference"],
        summary: "Import the service classifier from CSV (text/csv) or XLSX; columns code, parent_code, name_kk, name_ru, name_en, body_bin, default_type",
        response: { 200: ImportResult },
      },
    },
    async (request) => {
      const body = request.body;
      const kind = request.headers["content-type"]?.startsWith(XLSX_TYPE) ? "xlsx" : "csv";
      return importClassifier(app.db, requireActor(request), request.meta, kind, body as string | Buffer);
    },
  );
};
