import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser, signIn, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

interface Centre {
  tenant: TestTenant;
  admin: ApiClient;
  operator: ApiClient;
}

/** A contact centre with the default Kazakhstan calendar, its administrator and an operator. */
async function centre(): Promise<Centre> {
  const tenant = await buildTenant(ctx.db);
  return {
    tenant,
    admin: await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["admin"] })),
    operator: await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] })),
  };
}

/** The public calculator, as a citizen's browser calls it: no sign-in. */
async function dueDate(tenantCode: string, query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams({ tenant: tenantCode });
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const response = await ctx.app.inject({ method: "GET", url: `/api/v1/calendar/due-date?${params.toString()}` });
  return { status: response.statusCode, body: response.json() };
}

const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) => (body.error.fields ?? []).map((f) => `${f.field}:${f.code}`);

describe("GET /calendar/due-date (public)", () => {
  it("gives the legal deadline of the DOMAIN.md example: 15 working days from Friday 20 March 2026 end on 14 April", async () => {
    const { tenant } = await centre();
    const response = await dueDate(tenant.code, { received: "2026-03-20T10:00:00+05:00", term: 15, unit: "WD" });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      received: "2026-03-20T05:00:00.000Z",
      term: 15,
      unit: "WD",
      firstDay: "2026-03-20",
      dueDate: "2026-04-14",
      dueAt: "2026-04-14T18:59:59.000Z",
      dueAtLocal: "2026-04-14T23:59:59+05:00",
      timeZone: "Asia/Almaty",
    });
  });

  it("starts counting on the next working day after the 18:30 cut-off", async () => {
    const { tenant } = await centre();
    const before = await dueDate(tenant.code, { received: "2026-03-20T18:29:00+05:00", term: 15, unit: "WD" });
    expect(before.body).toMatchObject({ firstDay: "2026-03-20", dueDate: "2026-04-14" });
    // Nauryz (21–25 March) lies between: the next working day is Thursday the 26th.
    const after = await dueDate(tenant.code, { received: "2026-03-20T18:30:00+05:00", term: 15, unit: "WD" });
    expect(after.body).toMatchObject({ firstDay: "2026-03-26", dueDate: "2026-04-15" });
    // The same instant written in UTC is the same local time.
    const utc = await dueDate(tenant.code, { received: "2026-03-20T13:45:00Z", term: 15, unit: "WD" });
    expect(utc.body).toMatchObject({ firstDay: "2026-03-26", dueDate: "2026-04-15" });
  });

  it("counts an appeal received on a Saturday from Monday", async () => {
    const { tenant } = await centre();
    const response = await dueDate(tenant.code, { received: "2026-04-04T10:00:00+05:00", term: 5, unit: "WD" });
    expect(response.body).toMatchObject({ firstDay: "2026-04-06", dueDate: "2026-04-10", dueAtLocal: "2026-04-10T23:59:59+05:00" });
  });

  it("counts calendar days through weekends and holidays, ending on a working day", async () => {
    const { tenant } = await centre();
    const cd = await dueDate(tenant.code, { received: "2026-03-20T10:00:00+05:00", term: 10, unit: "CD" });
    // The 10th calendar day is Sunday 29 March; the term ends on the next working day.
    expect(cd.body).toMatchObject({ unit: "CD", firstDay: "2026-03-20", dueDate: "2026-03-30" });
    const wd = await dueDate(tenant.code, { received: "2026-03-20T10:00:00+05:00", term: 10, unit: "WD" });
    expect(wd.body).toMatchObject({ unit: "WD", dueDate: "2026-04-07" });
  });

  it("refuses bad input with a code per field", async () => {
    const { tenant } = await centre();
    const good = { received: "2026-03-20T10:00:00+05:00", term: 15, unit: "WD" };
    const cases: [Record<string, string | number | undefined>, string][] = [
      [{ ...good, term: 0 }, "query.term:FIELD_OUT_OF_RANGE"],
      [{ ...good, term: 3651 }, "query.term:FIELD_OUT_OF_RANGE"],
      [{ ...good, term: "x" }, "query.term:FIELD_INVALID"],
      [{ ...good, term: "1.5" }, "query.term:FIELD_INVALID"],
      [{ ...good, unit: "XD" }, "query.unit:FIELD_INVALID"],
      [{ ...good, received: undefined }, "query.received:FIELD_REQUIRED"],
      [{ ...good, received: "not a date" }, "query.received:FIELD_INVALID"],
      [{ ...good, received: "2026-03-20" }, "query.received:FIELD_INVALID"],
      [{ ...good, tenant: "no-such-centre" }, "query.tenant:REFERENCE_UNKNOWN"],
    ];
    for (const [query, expected] of cases) {
      const response = await dueDate(tenant.code, query);
      expect(response.status, expected).toBe(400);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
      expect(fieldCodes(response.body), JSON.stringify(query)).toEqual([expected]);
    }
    const everything = await dueDate(tenant.code, { term: 0, unit: "XD" });
    expect(fieldCodes(everything.body).sort()).toEqual(["query.received:FIELD_REQUIRED", "query.term:FIELD_OUT_OF_RANGE", "query.unit:FIELD_INVALID"]);
  });
});

describe("editing the calendar", () => {
  it("an override added by an administrator changes the deadline at once, and removing it restores it", async () => {
    const { tenant, admin } = await centre();
    const query = { received: "2026-03-20T10:00:00+05:00", term: 15, unit: "WD" };
    expect((await dueDate(tenant.code, query)).body.dueDate).toBe("2026-04-14");

    const off = await admin.request("PUT", "/api/v1/calendar/overrides/2026-03-26", { kind: "off", note: "Decree transfer" });
    expect(off.status).toBe(200);
    expect(off.body.overrides).toContainEqual({ date: "2026-03-26", kind: "off", note: "Decree transfer" });
    expect((await dueDate(tenant.code, query)).body.dueDate).toBe("2026-04-15");

    // A working Saturday pulls the deadline a day earlier.
    expect((await admin.request("PUT", "/api/v1/calendar/overrides/2026-03-28", { kind: "work" })).status).toBe(200);
    expect((await dueDate(tenant.code, query)).body.dueDate).toBe("2026-04-14");

    expect((await admin.request("DELETE", "/api/v1/calendar/overrides/2026-03-26")).status).toBe(200);
    expect((await admin.request("DELETE", "/api/v1/calendar/overrides/2026-03-28")).status).toBe(200);
    expect((await dueDate(tenant.code, query)).body.dueDate).toBe("2026-04-14");
    expect((await admin.request("DELETE", "/api/v1/calendar/overrides/2026-03-28")).status).toBe(404);

    // Another centre's calendar is its own.
    const other = await centre();
    expect((await dueDate(other.tenant.code, query)).body.dueDate).toBe("2026-04-14");
    await admin.request("PUT", "/api/v1/calendar/overrides/2026-03-26", { kind: "off" });
    expect((await dueDate(other.tenant.code, query)).body.dueDate).toBe("2026-04-14");
  });

  it("refuses a date that does not exist, on setting and on removing an override", async () => {
    const { admin } = await centre();
    for (const method of ["PUT", "DELETE"] as const) {
      const response = await admin.request(method, "/api/v1/calendar/overrides/2026-02-30", method === "PUT" ? { kind: "off" } : undefined);
      expect(response.status, method).toBe(400);
      expect(response.body.error.fields, method).toContainEqual(expect.objectContaining({ field: "params.date", code: "DATE_INVALID" }));
    }
  });

  it("adds, changes and removes a public holiday, and the deadline follows", async () => {
    const { tenant, admin } = await centre();
    const query = { received: "2026-03-20T10:00:00+05:00", term: 15, unit: "WD" };
    const holiday = { month: 4, day: 1, movable: false, nameKk: "Сынақ күні", nameRu: "Тестовый день", nameEn: "Test day" };

    const created = await admin.post("/api/v1/calendar/holidays", holiday);
    expect(created.status).toBe(201);
    const row = created.body.holidays.find((h: { month: number; day: number }) => h.month === 4 && h.day === 1);
    expect(row).toMatchObject(holiday);
    expect((await dueDate(tenant.code, query)).body.dueDate).toBe("2026-04-15");

    const duplicate = await admin.post("/api/v1/calendar/holidays", holiday);
    expect(duplicate.status).toBe(400);
    expect(fieldCodes(duplicate.body)).toEqual(["day:ALREADY_EXISTS"]);
    const impossible = await admin.post("/api/v1/calendar/holidays", { ...holiday, month: 2, day: 30 });
    expect(fieldCodes(impossible.body)).toEqual(["day:DATE_INVALID"]);

    // Moved to Monday 13 April, still inside the term.
    const changed = await admin.request("PUT", `/api/v1/calendar/holidays/${row.id}`, { ...holiday, day: 13 });
    expect(changed.status).toBe(200);
    expect(changed.body.holidays.filter((h: { id: string }) => h.id === row.id)).toEqual([{ ...holiday, id: row.id, day: 13 }]);
    expect((await dueDate(tenant.code, query)).body.dueDate).toBe("2026-04-15");

    const removed = await admin.request("DELETE", `/api/v1/calendar/holidays/${row.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.holidays.map((h: { id: string }) => h.id)).not.toContain(row.id);
    expect((await dueDate(tenant.code, query)).body.dueDate).toBe("2026-04-14");
    expect((await admin.request("DELETE", `/api/v1/calendar/holidays/${row.id}`)).status).toBe(404);

    const audit = await ctx.db.selectFrom("audit_log").select("action").where("tenant_id", "=", tenant.tenantId).where("entity", "=", "calendar").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["calendar.create_holiday", "calendar.update_holiday", "calendar.delete_holiday"]);
  });

  it("a new cut-off time changes the computation", async () => {
    const { tenant, admin } = await centre();
    const query = { received: "2026-04-07T17:30:00+05:00", term: 1, unit: "WD" };
    expect((await dueDate(tenant.code, query)).body.dueDate).toBe("2026-04-07");

    const settings = { cutoff: "17:00", firstDayCounts: true, cdEndsOnWorkingDay: true, weekendDays: [6, 7] };
    const response = await admin.request("PUT", "/api/v1/calendar/settings", settings);
    expect(response.status).toBe(200);
    expect(response.body.settings).toEqual(settings);
    expect((await dueDate(tenant.code, query)).body).toMatchObject({ firstDay: "2026-04-08", dueDate: "2026-04-08" });

    // With the first day not counting, even a morning appeal starts the next day.
    await admin.request("PUT", "/api/v1/calendar/settings", { ...settings, firstDayCounts: false });
    expect((await dueDate(tenant.code, { ...query, received: "2026-04-07T09:00:00+05:00" })).body.dueDate).toBe("2026-04-08");

    const bad = await admin.request("PUT", "/api/v1/calendar/settings", { ...settings, cutoff: "25:00" });
    expect(bad.status).toBe(400);
    expect(fieldCodes(bad.body)).toEqual(["cutoff:FIELD_INVALID"]);
  });

  it("lists the days off of 2026 that fall on weekdays, with their names", async () => {
    const { operator } = await centre();
    const response = await operator.get("/api/v1/calendar/years/2026");
    expect(response.status).toBe(200);
    const days = Object.fromEntries(response.body.days.map((d: { date: string; reason: string; name: string | null }) => [d.date, `${d.reason} ${d.name ?? ""}`.trim()]));
    // DOMAIN.md §4: 1–2 Jan, 7 Jan, 9 Mar, 21–25 Mar, 1 May, 7 May, 11 May, 27 May, 6 Jul, 31 Aug, 26 Oct, 16 Dec.
    // Holidays on a weekend (21–22 March) cost no working day, so the list leaves them out.
    expect(days).toEqual({
      "2026-01-01": "holiday New Year",
      "2026-01-02": "holiday New Year",
      "2026-01-07": "holiday Orthodox Christmas",
      "2026-03-09": "moved-holiday International Women's Day",
      "2026-03-23": "holiday Nauryz",
      "2026-03-24": "moved-holiday Nauryz",
      "2026-03-25": "moved-holiday Nauryz",
      "2026-05-01": "holiday Kazakhstan People's Unity Day",
      "2026-05-07": "holiday Defender of the Fatherland Day",
      "2026-05-11": "moved-holiday Victory Day",
      "2026-05-27": "override-off Құрбан айт / Курбан айт",
      "2026-07-06": "holiday Capital City Day",
      "2026-08-31": "moved-holiday Constitution Day",
      "2026-10-26": "moved-holiday Republic Day",
      "2026-12-16": "holiday Independence Day",
    });
    // 261 weekdays in 2026, 15 of them days off.
    expect(response.body.workingDays).toBe(246);

    const russian = await operator.get("/api/v1/calendar/years/2026?lang=ru");
    expect(russian.body.days.find((d: { date: string }) => d.date === "2026-03-23").name).toBe("Наурыз мейрамы");
  });

  it("an operator reads the calendar but cannot change it", async () => {
    const { operator } = await centre();
    expect((await operator.get("/api/v1/calendar")).status).toBe(200);
    const attempts = [
      operator.request("PUT", "/api/v1/calendar/settings", { cutoff: "17:00", firstDayCounts: true, cdEndsOnWorkingDay: true, weekendDays: [6, 7] }),
      operator.request("PUT", "/api/v1/calendar/overrides/2026-03-26", { kind: "off" }),
      operator.request("DELETE", "/api/v1/calendar/overrides/2026-05-27"),
      operator.post("/api/v1/calendar/holidays", { month: 4, day: 1, movable: false, nameKk: "a", nameRu: "b", nameEn: "c" }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("FORBIDDEN");
    }
  });
});
