import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue } from "../../test/contact-fixtures.ts";
import { buildTenant, signIn, startTestApp, type TestContext } from "../../test/harness.ts";
import { emailTransport } from "./email-transport.ts";
import { deliverOutbox } from "./outbox-delivery.ts";
import { enqueueStaffNotification } from "./outbox.service.ts";

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

  it("e-mails a staff notification to each active staff member of the addressed roles who has an address, in their own language", async () => {
    const tenant = await buildTenant(ctx.db);
    const staff = (login: string, roles: string[], email: string | null, locale: string, active = true) => ({ tenant_id: tenant.tenantId, login, full_name: login, roles, email, locale, active });
    const [kk, ru] = await ctx.db
      .insertInto("users")
      .values([
        staff(`editor-kk-${tenant.code}`, ["knowledge_editor"], "editor.kk@example.kz", "kk"),
        staff(`editor-ru-${tenant.code}`, ["operator", "knowledge_editor"], "editor.ru@example.kz", "ru"),
        staff(`editor-none-${tenant.code}`, ["knowledge_editor"], null, "ru"),
        staff(`editor-gone-${tenant.code}`, ["knowledge_editor"], "gone@example.kz", "ru", false),
        staff(`operator-${tenant.code}`, ["operator"], "operator@example.kz", "ru"),
      ])
      .returning("id")
      .execute();
    await enqueueStaffNotification(ctx.db, { tenantId: tenant.tenantId, appealId: null, roles: ["knowledge_editor"], template: "kb_review_due", locale: "ru", params: { title: "Жилищная помощь", code: "housing-aid", locale: "ru", reviewBy: "01.02.2027" } });
    const rows = await ctx.db.selectFrom("notification_outbox").select(["channel", "locale", "recipient_user_id"]).where("tenant_id", "=", tenant.tenantId).orderBy("channel").orderBy("locale").execute();
    expect(rows).toEqual([
      { channel: "email", locale: "kk", recipient_user_id: kk?.id },
      { channel: "email", locale: "ru", recipient_user_id: ru?.id },
      { channel: "log", locale: "ru", recipient_user_id: null },
    ]);

    await deliverOutbox(ctx.db, { email: emailTransport(`smtp://127.0.0.1:${port}`, "Bailanys <no-reply@bailanys.test>"), log: { send: async () => undefined } });
    const toKazakh = decodeMail(received.find((m) => m.to.includes("editor.kk@example.kz"))?.raw ?? "");
    expect(toKazakh.subject).toContain("Білім базасының «Жилищная помощь» (housing-aid, ru) мақаласын 01.02.2027 дейін қайта қарау керек.");
    const toRussian = decodeMail(received.find((m) => m.to.includes("editor.ru@example.kz"))?.raw ?? "");
    expect(toRussian.body).toContain("Статью базы знаний «Жилищная помощь» (housing-aid, ru) нужно пересмотреть до 01.02.2027.");
    expect(received.some((m) => m.to.includes("operator@example.kz") || m.to.includes("gone@example.kz"))).toBe(false);
    const statuses = await ctx.db.selectFrom("notification_outbox").select("status").where("tenant_id", "=", tenant.tenantId).execute();
    expect(statuses.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
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
