import { randomBytes } from "node:crypto";
import { makeBin, makeIin } from "@bailanys/common/identity-number";
import type { Role } from "@bailanys/common/permissions";
import { seedDemoKnowledge } from "./demo-knowledge.ts";
import { seedDemoVoice } from "./demo-voice.ts";
import type { Db } from "../db/database.ts";
import { hashPassword } from "../modules/auth/password.ts";
import { insertReferenceDefaults } from "../modules/reference/reference.defaults.ts";
import { seedDemoContactCentre } from "./demo-contacts.ts";
import { seedDemoAppeals } from "./demo-appeals.ts";

export const DEMO_TENANT_CODE = "demo";

export const DEMO_USERS: { login: string; fullName: string; roles: Role[]; unit?: string }[] = [
  { login: "admin", fullName: "Администратор Демо", roles: ["admin"] },
  { login: "operator", fullName: "Айгерим Сапарова", roles: ["operator"] },
  { login: "senior", fullName: "Ерлан Тулегенов", roles: ["senior_operator"] },
  { login: "executor", fullName: "Дана Мукашева", roles: ["executor"], unit: "water" },
  { login: "supervisor", fullName: "Нурлан Абенов", roles: ["supervisor"] },
  { login: "qa", fullName: "Жанар Есенова", roles: ["qa"] },
  { login: "editor", fullName: "Асель Касымова", roles: ["knowledge_editor"] },
  { login: "analyst", fullName: "Тимур Оспанов", roles: ["analyst"] },
  { login: "auditor", fullName: "Гульнара Ахметова", roles: ["auditor"] },
];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom("tenants").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/** A password that is long, random and still easy to type from a terminal. */
export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Seeds the demo contact centre: reference data, three bodies of the akimat and one external ministry, a user
 * for every role, a classifier and a dozen appeals in various states. All personal data is synthetic.
 */
/** The realm of the demo's phone extensions unless the configuration names another (`VOICE_REALM`). */
export const DEMO_SIP_REALM = "bailanys";

export async function seedDemo(db: Db, password: string, argon2MemoryKiB: number, sip: { password: string; realm: string } = { password, realm: DEMO_SIP_REALM }): Promise<void> {
  const hash = await hashPassword(password, argon2MemoryKiB);
  const tenantId = await db.transaction().execute(async (trx) => {
    const tenant = await trx
      .insertInto("tenants")
      .values({
        code: DEMO_TENANT_CODE,
        name_kk: "«109» бірыңғай байланыс орталығы (демо)",
        name_ru: "Единый контакт-центр «109» (демо)",
        name_en: "Unified contact centre 109 (demo)",
        number_prefix: "109",
        settings: "{}",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const t = tenant.id;
    await insertReferenceDefaults(trx, t);
    const body = async (bin: string, ru: string, kk: string, en: string, external = false) =>
      (await trx.insertInto("bodies").values({ tenant_id: t, bin, name_ru: ru, name_kk: kk, name_en: en, is_external: external }).returning("id").executeTakeFirstOrThrow()).id;
    const akimat = await body(makeBin("1999-03", 101), "Акимат города Астаны", "Астана қаласының әкімдігі", "Akimat of Astana");
    const utilities = await body(makeBin("2004-07", 202), "Управление энергетики и ЖКХ г. Астаны", "Астана қаласының энергетика және ТКШ басқармасы", "Astana Energy and Utilities Department");
    const transport = await body(makeBin("2008-01", 303), "Управление пассажирского транспорта и автодорог г. Астаны", "Астана қаласының жолаушылар көлігі және автомобиль жолдары басқармасы", "Astana Transport and Roads Department");
    await body(makeBin("2000-05", 404), "Министерство труда и социальной защиты населения РК", "ҚР Еңбек және халықты әлеуметтік қорғау министрлігі", "Ministry of Labour and Social Protection", true);
    const unit = async (bodyId: string, ru: string, kk: string, en: string) =>
      (await trx.insertInto("units").values({ tenant_id: t, body_id: bodyId, name_ru: ru, name_kk: kk, name_en: en }).returning("id").executeTakeFirstOrThrow()).id;
    const appealsUnit = await unit(akimat, "Отдел по работе с обращениями", "Өтініштермен жұмыс бөлімі", "Appeals unit");
    const water = await unit(utilities, "Отдел водоснабжения", "Сумен жабдықтау бөлімі", "Water supply unit");
    const heating = await unit(utilities, "Отдел теплоснабжения", "Жылумен жабдықтау бөлімі", "Heating unit");
    const roads = await unit(transport, "Отдел автодорог", "Автомобиль жолдары бөлімі", "Roads unit");
    for (const u of [appealsUnit, water, heating, roads]) {
      await trx.insertInto("positions").values({ tenant_id: t, unit_id: u, name_ru: "Главный специалист", name_kk: "Бас маман", name_en: "Chief specialist" }).execute();
    }
    const item = async (code: string, parent: string | null, ru: string, kk: string, en: string, bodyId: string | null, unitId: string | null, type: string | null = null) =>
      (
        await trx
          .insertInto("classifier_items")
          .values({ tenant_id: t, code, parent_id: parent, name_ru: ru, name_kk: kk, name_en: en, body_id: bodyId, unit_id: unitId, default_type_code: type })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const housing = await item("01", null, "Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық", "Housing and utilities", utilities, null);
    await item("01.01", housing, "Водоснабжение", "Сумен жабдықтау", "Water supply", utilities, water, "statement");
    await item("01.02", housing, "Теплоснабжение", "Жылумен жабдықтау", "Heating", utilities, heating, "statement");
    const roadsItem = await item("02", null, "Дороги и транспорт", "Жолдар және көлік", "Roads and transport", transport, null);
    await item("02.01", roadsItem, "Ремонт дорог", "Жолдарды жөндеу", "Road repair", transport, roads, "statement");
    await item("02.02", roadsItem, "Общественный транспорт", "Қоғамдық көлік", "Public transport", transport, null, "feedback");
    const social = await item("03", null, "Социальная защита", "Әлеуметтік қорғау", "Social protection", akimat, appealsUnit, "request");
    await item("04", null, "Качество работы контакт-центра", "Байланыс орталығы жұмысының сапасы", "Contact-centre service quality", akimat, appealsUnit, "complaint");

    const units: Record<string, string> = { water };
    for (const user of DEMO_USERS) {
      await trx
        .insertInto("users")
        .values({
          tenant_id: t,
          login: user.login,
          full_name: user.fullName,
          roles: user.roles,
          locale: "ru",
          password_hash: hash,
          body_id: user.unit === "water" ? utilities : null,
          unit_id: user.unit ? (units[user.unit] ?? null) : null,
        })
        .execute();
    }
    await seedDemoContactCentre(trx, t, { housing, roads: roadsItem, social });
    await seedDemoVoice(trx, t, sip);
    await seedDemoKnowledge(trx, t);
    return t;
  });
  await seedDemoAppeals(db, tenantId, [makeIin("1985-07-14", "female", 1001), makeIin("1990-02-03", "male", 2002), makeIin("1978-11-21", "male", 3003)]);
}

/** When BAILANYS_ADMIN_PASSWORD is set it is the admin's password, at every start. */
export async function applyAdminPassword(db: Db, password: string, argon2MemoryKiB: number): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: await hashPassword(password, argon2MemoryKiB), failed_logins: 0, locked_until: null })
    .where("login", "=", "admin")
    .execute();
}
