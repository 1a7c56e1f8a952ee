import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue } from "../../test/contact-fixtures.ts";
import { buildTenant, signIn, startTestApp, type TestContext } from "../../test/harness.ts";
import { emailTransport } from "./email-transport.ts";
import { deliverOutbox } from "./outbox-delivery.ts";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** The subject (RFC 2047 base64 words) and the base64 body of a single-part message, decoded. */
function decodeMail(raw: string): { subject: string; body: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const subjectLine = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? "";
  const subject = subjectLine.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b64: string) => Buffer.from(b64, "base64").toString("utf8"));
  return { subject, body: Buffer.from(rest.join("\n").replace(/\s+/g, ""), "base64").toString("utf8") };
}

let ctx: TestContext;
let smtp: SMTPServer;
let port = 0;
const received: Received[] = [];

beforeAll(async () => {
  ctx = await startTestApp();
  // A real SMTP server on 127.0.0.1 (no TLS, no auth): the transport speaks the protocol to it.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await ctx.close();
});

describe("e-mail notifications over SMTP", () => {
  it("sends a chat's transcript to the address the citizen gave, in their language", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId);
    const agent = await buildAgent(ctx.db, tenant.tenantId);
    const start = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/public/chat/sessions",
      payload: { tenant: tenant.code, locale: "kk", language: "kk", name: "Айгерим", consent: true, message: "Су жоқ" },
    });
    const { contactId, token } = start.json() as { contactId: string; token: string };
    const client = await signIn(ctx.app, agent);
    const offer = (await client.get("/api/v1/agent/me")).body.offers[0] as { id: string };
    await client.post(`/api/v1/offers/${offer.id}/accept`);
    await client.post(`/api/v1/contacts/${contactId}/messages`, { text: "Ертең қалпына келтіріледі." });
    await client.post(`/api/v1/contacts/${contactId}/end`);
    const asked = await ctx.app.inject({ method: "POST", url: `/api/v1/public/chat/sessions/${contactId}/transcript`, headers: { "x-chat-token": token }, payload: { email: "Citizen@Example.kz" } });
    expect(asked.statusCode).toBe(200);

    const sent = await deliverOutbox(ctx.db, { email: emailTransport(`smtp://127.0.0.1:${port}`, "Bailanys <no-reply@bailanys.test>") });
    expect(sent).toBeGreaterThanOrEqual(1);
    const mail = received.find((m) => m.to.includes("citizen@example.kz"));
    expect(mail?.from).toBe("no-reply@bailanys.test");
    const { subject, body } = decodeMail(mail?.raw ?? "");
    expect(subject).toContain("Байланыс орталығымен чат жазбасы");
    expect(body).toContain("Су жоқ");
    expect(body).toContain("Ертең қалпына келтіріледі.");
    const row = await ctx.db.selectFrom("notification_outbox").select(["status", "channel"]).where("template", "=", "chat_transcript").where("tenant_id", "=", tenant.tenantId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "sent", channel: "email" });
  });

  it("keeps a message pending with its error when the SMTP server is unreachable", async () => {
    const tenant = await buildTenant(ctx.db);
    await ctx.db
      .insertInto("notification_outbox")
      .values({ tenant_id: tenant.tenantId, appeal_id: null, citizen_id: null, audience: "citizen", channel: "email", locale: "ru", template: "chat_transcript", params: JSON.stringify({ to: "x@example.kz", date: "2026-11-25", transcript: "…" }) })
      .execute();
    const sent = await deliverOutbox(ctx.db, { email: emailTransport("smtp://127.0.0.1:1", "Bailanys <no-reply@bailanys.test>") });
    expect(sent).toBe(0);
    const row = await ctx.db.selectFrom("notification_outbox").select(["status", "attempts", "last_error"]).where("tenant_id", "=", tenant.tenantId).executeTakeFirstOrThrow();
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeTruthy();
  });
});
