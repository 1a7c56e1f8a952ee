import type { FastifyPluginAsync } from "fastify";
import { AppError } from "../../platform/app-error.ts";
import { errorFrame, isSeq, isUuid, socketPeer } from "../../realtime/socket-peer.ts";
import { announceTyping, markCitizensSeen, type CitizenSession } from "../contacts/contact-conversation.service.ts";
import { chatSessionFor } from "./chat-session.ts";

/** A socket that has not said hello within this time is closed. */
const HELLO_TIMEOUT_MS = 10_000;

/**
 * The citizen's socket: after a hello with the chat's id, token and the last seq the page holds, it streams the
 * chat's log from there, the operator's typing and receipts, and queue status updates.
 */
export const chatSocketRoutes: FastifyPluginAsync = async (app) => {
  app.get("/public/chat/ws", { websocket: true, config: { public: true }, schema: { hide: true } }, (socket, request) => {
    let session: CitizenSession | null = null;
    const hello = setTimeout(() => socket.close(1008, "no hello"), HELLO_TIMEOUT_MS);
    const peer = socketPeer(socket, (frame) => {
      const fail = (error: unknown) => {
        const reply = errorFrame(error, request.locale);
        peer.send(reply);
        if (reply.type === "error" && reply.code === "CHAT_SESSION_INVALID") {
          socket.close(1008, reply.code);
        }
      };
      switch (frame.type) {
        case "hello": {
          if (session !== null || !isUuid(frame.contactId) || !isSeq(frame.since) || typeof frame.token !== "string") {
            fail(new AppError("CHAT_SESSION_INVALID"));
            return;
          }
          chatSessionFor(app.db, frame.contactId, frame.token)
            .then(async (found) => {
              clearTimeout(hello);
              session = { contactId: found.contactId, tenantId: found.tenantId };
              await markCitizensSeen(app.db, [found.contactId]);
              await app.hub.followContact(peer, found.contactId, "citizen", frame.since);
              app.hub.addCitizen(peer, found.tenantId, found.contactId);
              peer.send({ type: "ready" });
            })
            .catch(fail);
          return;
        }
        case "typing":
          if (session !== null) {
            announceTyping({ db: app.db, bus: app.bus }, session, "citizen").catch(fail);
          }
          return;
        case "ping":
          peer.send({ type: "pong" });
          return;
        case "subscribe":
        case "unsubscribe":
        case "board":
          return;
      }
    });
    socket.on("close", () => {
      clearTimeout(hello);
      app.hub.removePeer(peer);
    });
  });
};
