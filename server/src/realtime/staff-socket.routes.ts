import type { FastifyPluginAsync } from "fastify";
import { can } from "../platform/actor.ts";
import { AppError } from "../platform/app-error.ts";
import { requireActor } from "../platform/require-actor.ts";
import { announceTyping } from "../modules/contacts/contact-conversation.service.ts";
import { assertCanReadContact } from "../modules/contacts/contact.policy.ts";
import { errorFrame, isSeq, isUuid, socketPeer } from "./socket-peer.ts";

/**
 * The staff socket: operators get their snapshot and offers, follow their contacts' logs (resumable by seq)
 * and send typing; supervisors and QA follow any contact read-only and the live board.
 */
export const staffSocketRoutes: FastifyPluginAsync = async (app) => {
  app.get("/ws", { websocket: true, config: { anyUser: true }, schema: { hide: true } }, (socket, request) => {
    const actor = requireActor(request);
    // A cookie-authenticated upgrade from another site would ride on the user's session: refuse foreign origins.
    const origin = request.headers.origin;
    if (origin !== undefined && actor.kind === "user" && actor.sessionId !== null && new URL(origin).host !== request.headers.host) {
      socket.close(1008, "origin");
      return;
    }
    const hub = app.hub;
    const peer = socketPeer(socket, (frame) => {
      const fail = (error: unknown) => peer.send(errorFrame(error, actor.locale));
      switch (frame.type) {
        case "subscribe":
          if (!isUuid(frame.contactId) || !isSeq(frame.since)) {
            fail(new AppError("VALIDATION_FAILED"));
            return;
          }
          assertCanReadContact(app.db, actor, frame.contactId)
            .then(() => hub.followContact(peer, frame.contactId, "staff", frame.since))
            .catch(fail);
          return;
        case "unsubscribe":
          if (isUuid(frame.contactId)) {
            hub.unfollowContact(peer, frame.contactId);
          }
          return;
        case "typing":
          if (isUuid(frame.contactId) && can(actor, "contact.handle")) {
            announceTyping({ db: app.db, bus: app.bus }, { contactId: frame.contactId, tenantId: actor.tenantId }, "agent").catch(fail);
          }
          return;
        case "board":
          if (!can(actor, "contact.monitor")) {
            fail(new AppError("FORBIDDEN"));
            return;
          }
          hub.addBoard(peer, actor.tenantId, actor.locale);
          return;
        case "ping":
          peer.send({ type: "pong" });
          return;
        case "hello":
          return;
      }
    });
    hub.addStaff(peer, actor, () => socket.close(4401, "sign-in changed"));
    if (can(actor, "contact.handle")) {
      hub.addAgent(peer, actor);
    }
    socket.on("close", () => hub.removePeer(peer));
    peer.send({ type: "ready" });
  });
};
