import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AgentSnapshot, OfferDto, ServerFrame } from "@bailanys/common/api/contacts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Database } from "../../db/database.ts";
import { sha256Hex } from "../../platform/hash.ts";
import { buildAgent, buildQueue } from "../../test/contact-fixtures.ts";
import { buildTenant } from "../../test/harness.ts";
import { openTestDatabase, testDatabaseKind } from "../../test/test-database.ts";
import { startServerProcess, type ServerProcess } from "../../test/server-process.ts";

/**
 * Two real server processes (api + worker) on one PostgreSQL database compete for 10 000 chats that citizens
 * start on both, while simulated operators on WebSockets accept and wrap up whatever they are offered. Halfway
 * through, one process is killed with SIGKILL; its operators reconnect to the other. At the end: every
 * acknowledged chat was answered exactly once and closed, no contact was ever accepted twice, and no operator
 * ever held more chats than their capacity.
 */
const CONTACTS = Number(process.env.BAILANYS_CLUSTER_CONTACTS ?? 10_000);
const AGENTS = 40;
const CAPACITY = 5;

const onPostgres = testDatabaseKind() === "postgres";

/** An operator in a browser tab: accepts every offer, wraps each chat up a moment later, reconnects when cut. */
class SimulatedOperator {
  private socket: WebSocket | null = null;
  private readonly handled = new Set<string>();
  readonly holding = new Set<string>();
  private readonly finishing = new Set<string>();
  maxHeld = 0;
  accepted = 0;
  stopped = false;

  constructor(
    private readonly token: string,
    private servers: () => string[],
  ) {}

  connect(): void {
    const [base] = this.servers();
    if (!base || this.stopped) {
      return;
    }
    const socket = new WebSocket(`${base.replace("http", "ws")}/api/v1/ws`, { headers: { authorization: `Bearer ${this.token}` } });
    this.socket = socket;
    socket.on("message", (data) => this.onFrame(JSON.parse(String(data)) as ServerFrame));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      if (!this.stopped) {
        setTimeout(() => this.connect(), 100);
      }
    });
  }

  close(): void {
    this.stopped = true;
    this.socket?.close();
  }

  private async call(method: string, url: string, body?: unknown): Promise<number> {
    for (const base of this.servers()) {
      try {
        const response = await fetch(`${base}${url}`, {
          method,
          headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        await response.arrayBuffer();
        return response.status;
      } catch {
        // That process is gone: try the next one.
      }
    }
    return 0;
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === "offer") {
      void this.take(frame.offer);
    } else if (frame.type === "agent") {
      this.onSnapshot(frame.snapshot);
    }
  }

  private onSnapshot(snapshot: AgentSnapshot): void {
    for (const offer of snapshot.offers) {
      void this.take(offer);
    }
    // Contacts the window shows as open but this operator is not handling: an accept whose answer was lost
    // when a process died. The window lists them on reconnect, and the operator finishes them.
    for (const contact of snapshot.contacts) {
      if (!this.holding.has(contact.id) && !this.finishing.has(contact.id)) {
        void this.finish(contact.id);
      }
    }
    if (snapshot.state !== "ready") {
      // A missed offer (this process was killed while it was in flight) sets the operator not ready.
      void this.call("PUT", "/api/v1/agent/me/state", { state: "ready" });
    }
  }

  private async take(offer: OfferDto): Promise<void> {
    if (this.handled.has(offer.id)) {
      return;
    }
    this.handled.add(offer.id);
    const status = await this.call("POST", `/api/v1/offers/${offer.id}/accept`);
    if (status !== 200) {
      return;
    }
    this.accepted += 1;
    this.holding.add(offer.contactId);
    this.maxHeld = Math.max(this.maxHeld, this.holding.size);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
    await this.finish(offer.contactId);
    this.holding.delete(offer.contactId);
  }

  private async finish(contactId: string): Promise<void> {
    this.finishing.add(contactId);
    await this.call("POST", `/api/v1/contacts/${contactId}/wrapup`, { wrapupCode: "consultation", resolvedFirstContact: true });
    this.finishing.delete(contactId);
  }
}

describe.skipIf(!onPostgres)("routing across two processes on one PostgreSQL", () => {
  let database: Database;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill("SIGKILL");
    }
    await database.close();
  });

  it("offers 10 000 chats with no double offer and none lost, even when one process dies", { timeout: 600_000 }, async () => {
    const db = database.db;
    const url = database.url;
    if (!url) {
      throw new Error("the PostgreSQL test database has no URL");
    }
    const tenant = await buildTenant(db);
    await buildQueue(db, tenant.tenantId, { offerTimeoutSeconds: 30, wrapupSeconds: 60 });
    const tokens: string[] = [];
    for (let i = 0; i < AGENTS; i += 1) {
      const user = await buildAgent(db, tenant.tenantId, { channels: { web_chat: CAPACITY }, idleForSeconds: i });
      const token = `bt_${randomBytes(24).toString("base64url")}`;
      await db.insertInto("api_tokens").values({ tenant_id: tenant.tenantId, user_id: user.id, name: "simulated operator", token_hash: sha256Hex(token), token_prefix: token.slice(0, 8) }).execute();
      tokens.push(token);
    }
    servers.push(await startServerProcess(url), await startServerProcess(url));
    let alive = servers.map((s) => s.base);
    const operators = tokens.map((token, i) => new SimulatedOperator(token, () => (i % 2 === 0 ? alive : [...alive].reverse())));
    for (const operator of operators) {
      operator.connect();
    }

    // Citizens start chats on both processes, 16 at a time; only an answered start counts as acknowledged.
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const citizen = async () => {
      while (next < CONTACTS) {
        const n = next;
        next += 1;
        if (!killed && n === CONTACTS / 2) {
          killed = true;
          servers[0]?.child.kill("SIGKILL");
          alive = [servers[1]?.base ?? ""];
        }
        const base = alive[n % alive.length] ?? "";
        try {
          const response = await fetch(`${base}/api/v1/public/chat/sessions`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ tenant: tenant.code, locale: "ru", language: "ru", name: `Гражданин ${n}`, consent: true, message: "Здравствуйте" }),
          });
          const body = (await response.json()) as { contactId?: string };
          if (response.status === 200 && body.contactId) {
            acknowledged.push(body.contactId);
          }
        } catch {
          // Sent to the process that was just killed: not acknowledged, the citizen would retry.
        }
      }
    };
    const startedAt = Date.now();
    await Promise.all(Array.from({ length: 16 }, citizen));
    const createdAt = Date.now();

    const deadline = Date.now() + 300_000;
    for (;;) {
      const open = await db.selectFrom("contacts").select((eb) => eb.fn.countAll<number>().as("n")).where("tenant_id", "=", tenant.tenantId).where("state", "<>", "closed").executeTakeFirstOrThrow();
      if (Number(open.n) === 0 || Date.now() > deadline) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const operator of operators) {
      operator.close();
    }
    process.stdout.write(`cluster: created ${acknowledged.length} in ${createdAt - startedAt} ms, all closed after ${Date.now() - startedAt} ms\n`);

    expect(acknowledged.length).toBeGreaterThan(CONTACTS * 0.99);
    const states = await db.selectFrom("contacts").select(["state", (eb) => eb.fn.countAll<number>().as("n")]).where("tenant_id", "=", tenant.tenantId).groupBy("state").execute();
    expect(states.map((s) => ({ state: s.state, n: Number(s.n) }))).toEqual([{ state: "closed", n: states.reduce((sum, s) => sum + Number(s.n), 0) }]);
    const closedAcknowledged = await db.selectFrom("contacts").select((eb) => eb.fn.countAll<number>().as("n")).where("id", "in", acknowledged).where("state", "=", "closed").where("answered_at", "is not", null).executeTakeFirstOrThrow();
    expect(Number(closedAcknowledged.n)).toBe(acknowledged.length);
    const doubleAccepted = await sql<{ n: number }>`
      select count(*)::int as n from (
        select contact_id from contact_offers where tenant_id = ${tenant.tenantId} and state = 'accepted' group by contact_id having count(*) > 1) d`.execute(db);
    expect(doubleAccepted.rows[0]?.n).toBe(0);
    expect(Math.max(...operators.map((o) => o.maxHeld))).toBeLessThanOrEqual(CAPACITY);
    const accepted = await db.selectFrom("contact_offers").select((eb) => eb.fn.countAll<number>().as("n")).where("tenant_id", "=", tenant.tenantId).where("state", "=", "accepted").executeTakeFirstOrThrow();
    expect(Number(accepted.n)).toBe(states.reduce((sum, s) => sum + Number(s.n), 0));
    // Every process but the killed one shut down cleanly; the killed one left nothing behind in the queue.
    const pending = await db.selectFrom("contact_offers").select((eb) => eb.fn.countAll<number>().as("n")).where("tenant_id", "=", tenant.tenantId).where("state", "=", "pending").executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBe(0);
  });
});
