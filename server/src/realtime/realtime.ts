import type { FastifyInstance } from "fastify";
import { touchAgents } from "../modules/contacts/agent-state.service.ts";
import { markCitizensSeen } from "../modules/contacts/contact-conversation.service.ts";
import { Hub } from "./hub.ts";

/** Connected operators and waiting citizens are marked alive this often (the sweep retires silent ones). */
const PRESENCE_MS = 20_000;

/** Creates the hub of this process and keeps its sockets' owners marked present in the database. */
export function installRealtime(app: FastifyInstance): void {
  const hub = new Hub(app.db, app.bus, app.log);
  app.decorate("hub", hub);
  const deps = { db: app.db, bus: app.bus };
  const presence = setInterval(() => {
    const { agentIds, citizenContactIds } = hub.connected();
    const work = async () => {
      await touchAgents(deps, agentIds);
      await markCitizensSeen(app.db, citizenContactIds);
    };
    work().catch((error: unknown) => app.log.warn({ err: error }, "presence update failed"));
  }, PRESENCE_MS);
  presence.unref();
  app.addHook("onClose", async () => {
    clearInterval(presence);
    hub.close();
  });
}
