import type { FastifyPluginAsync } from "fastify";
import { appealAttachmentRoutes } from "./modules/appeals/appeal-attachment.routes.ts";
import { appealRoutes } from "./modules/appeals/appeal.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { calendarRoutes } from "./modules/calendar/calendar.routes.ts";
import { notificationRoutes } from "./modules/notifications/notification.routes.ts";
import { openApiRoutes } from "./modules/openapi/openapi.routes.ts";
import { publicRoutes } from "./modules/public/public.routes.ts";
import { referenceRoutes } from "./modules/reference/reference.routes.ts";
import { orgRoutes } from "./modules/org/org.routes.ts";
import { userRoutes } from "./modules/users/user.routes.ts";
import { citizenRoutes } from "./modules/citizens/citizen.routes.ts";
import { contactRoutes } from "./modules/contacts/contact.routes.ts";

/** Every module's routes under /api/v1. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(openApiRoutes);
  await app.register(authRoutes);
  await app.register(calendarRoutes);
  await app.register(referenceRoutes);
  await app.register(orgRoutes);
  await app.register(userRoutes);
  await app.register(citizenRoutes);
  await app.register(appealRoutes);
  await app.register(appealAttachmentRoutes);
  await app.register(publicRoutes);
  await app.register(auditRoutes);
  await app.register(notificationRoutes);
  await app.register(contactRoutes);
};
