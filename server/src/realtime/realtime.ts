import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { touchAgents } from "../modules/contacts/agent-state.service.ts";
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
      if (citizenContactIds.length > 0) {
        await sql`update contacts set citizen_seen_at = now() where id = any(${citizenContactIds}::uuid[]) and state in ('queued', 'offered', 'active', 'held')`.execute(app.db);
      }
    };
    work().catch((error: unknown) => app.log.warn({ err: error }, "presence update failed"));
  }, PRESENCE_MS);
  presence.unref();
  app.addHook("onClose", async () => {
    clearInterval(presence);
    hub.close();
  });
}
