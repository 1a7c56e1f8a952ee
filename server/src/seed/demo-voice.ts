import type { Db } from "../db/database.ts";
import type { IvrMenu } from "../voice/ivr/ivr-menu.ts";
import { digestHa1 } from "../voice/registrar/digest.ts";

/** The demo's extensions: 1001–1003 are the demo operators' phones, 1004–1010 wait for new operators. */
export const DEMO_EXTENSIONS = Array.from({ length: 10 }, (_, i) => String(1001 + i));
const EXTENSION_OWNERS: Record<string, string> = { "1001": "operator", "1002": "senior", "1003": "supervisor" };
export const DEMO_NUMBER = "109";

/**
 * The demo menu: the language first (1 Kazakh, 2 Russian), then topics; 3 reads the offices' addresses and working
 * hours and 4 the housing-aid service from the knowledge base (R12.3).
 */
export const DEMO_MENU: IvrMenu = {
  start: "language",
  defaultLocale: "kk",
  spokenInEveryLanguage: ["choose_language"],
  nodes: {
    language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru" }, next: "topics", timeoutSeconds: 4, retries: 1 },
    topics: { kind: "menu", prompt: "topics", choices: { "1": "housing", "2": "social", "3": "hours", "4": "housing_aid", "0": "general" }, timeoutSeconds: 5, retries: 1, onFailure: "general" },
    hours: { kind: "info", prompt: "kb:reception-hours:offices", next: "topics" },
    housing_aid: { kind: "info", prompt: "kb:housing-aid", next: "topics" },
    housing: { kind: "queue", prompt: "connecting", queue: "housing", topic: "01" },
    social: { kind: "queue", prompt: "connecting", queue: "general", topic: "03" },
    general: { kind: "queue", prompt: "connecting", queue: "general", topic: null },
  },
  prompts: {
    choose_language: { kk: "Сәлеметсіз бе! Қазақ тілі үшін бірді басыңыз.", ru: "Здравствуйте! Для русского языка нажмите два." },
    topics: {
      kk: "Тұрғын үй-коммуналдық мәселелер бойынша бірді басыңыз. Әлеуметтік қорғау бойынша екіні басыңыз. Қабылдау мекенжайлары мен уақытын білу үшін үшті басыңыз. Тұрғын үй көмегі туралы білу үшін төртті басыңыз. Операторға қосылу үшін нөлді басыңыз.",
      ru: "По вопросам ЖКХ нажмите один. По социальной защите нажмите два. Чтобы узнать адреса и часы приёма, нажмите три. О жилищной помощи — нажмите четыре. Чтобы поговорить с оператором, нажмите ноль.",
      en: "For housing and utilities press one. For social protection press two. For our offices' addresses and hours press three. For housing aid press four. To speak to an operator press zero.",
    },
    connecting: { kk: "Операторға қосып жатырмын.", ru: "Соединяю с оператором.", en: "Connecting you to an operator." },
  },
};

/**
 * The demo's single number: "109" answers with the demo menu for calls from this machine and private networks
 * (a softphone on the LAN), and ten extensions share one password, printed when the demo is created.
 */
export async function seedDemoVoice(trx: Db, tenantId: string, sip: { password: string; realm: string }): Promise<void> {
  await trx.insertInto("voice_settings").values({ tenant_id: tenantId, menu: JSON.stringify(DEMO_MENU) }).execute();
  await trx
    .insertInto("voice_trunks")
    .values({ tenant_id: tenantId, name: "Demo: this machine and private networks", allowed_sources: ["127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] })
    .execute();
  await trx.insertInto("voice_entry_points").values({ number: DEMO_NUMBER, tenant_id: tenantId }).execute();
  const users = await trx.selectFrom("users").select(["id", "login"]).where("tenant_id", "=", tenantId).execute();
  await trx
    .insertInto("voice_extensions")
    .values(
      DEMO_EXTENSIONS.map((extension) => ({
        extension,
        tenant_id: tenantId,
        user_id: users.find((u) => u.login === EXTENSION_OWNERS[extension])?.id ?? null,
        realm: sip.realm,
        ha1: digestHa1(extension, sip.realm, sip.password),
      })),
    )
    .execute();
}
