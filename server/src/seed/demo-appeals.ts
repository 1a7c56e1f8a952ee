import type { Db } from "../db/database.ts";
import type { RequestMeta } from "../platform/actor.ts";
import { actorForLogin } from "../modules/auth/auth.service.ts";
import { extendAppeal } from "../modules/appeals/appeal-extension.service.ts";
import { forwardAppeal } from "../modules/appeals/appeal-forward.service.ts";
import { assignAppeal, transitionAppeal } from "../modules/appeals/appeal-lifecycle.service.ts";
import { registerAppeal } from "../modules/appeals/appeal-registration.service.ts";
import { referenceSnapshot } from "../modules/reference/reference.snapshot.ts";

const SEED_META: RequestMeta = { ip: "127.0.0.1", userAgent: "bailanys-seed", requestId: "seed" };
const DAY = 86_400_000;

/** A dozen appeals in the states a registry shows on a normal day: new, routed, overdue, extended, forwarded, closed. */
export async function seedDemoAppeals(db: Db, tenantId: string, iins: string[]): Promise<void> {
  const operator = await actorForLogin(db, "operator");
  const senior = await actorForLogin(db, "senior");
  const supervisor = await actorForLogin(db, "supervisor");
  const ref = await referenceSnapshot(db, tenantId);
  const byCode = (code: string) => [...ref.classifier.values()].find((c) => c.code === code)?.id;
  const external = [...ref.bodies.values()].find((b) => b.is_external);
  const [iinA = "", iinB = "", iinC = ""] = iins;
  const people = [
    { iin: iinA, fullName: "Сауле Нурланқызы Ахметова", phone: "+77011234567", preferredLanguage: "kk" as const },
    { iin: iinB, fullName: "Алексей Петрович Иванов", phone: "+77027654321", preferredLanguage: "ru" as const },
    { iin: iinC, fullName: "Бауыржан Серікұлы Жұмабаев", phone: "+77051112233", preferredLanguage: "kk" as const },
  ];
  const register = async (i: number, typeCode: string, category: string, subject: string, text: string, daysAgo: number) => {
    const person = people[i % people.length] ?? { iin: iinA, fullName: "Демо Заявитель", phone: "+77010000000", preferredLanguage: "ru" as const };
    const result = await registerAppeal(
      db,
      operator,
      SEED_META,
      {
        typeCode,
        categoryId: byCode(category),
        subject,
        text,
        channelCode: i % 2 === 0 ? "phone" : "web_chat",
        form: i % 2 === 0 ? "oral" : "electronic",
        receivedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        citizen: { ...person, consent: { given: true, source: i % 2 === 0 ? "phone" : "web_chat" } },
      },
      null,
    );
    return result.appealId;
  };

  await register(0, "statement", "01.01", "Нет холодной воды в доме", "С утра нет холодной воды по адресу ул. Кенесары, 40. Просим восстановить подачу.", 0);
  await register(1, "statement", "01.02", "Слабое отопление в квартире", "Температура в квартире 15 градусов, батареи едва тёплые.", 1);
  await register(2, "request", "03", "Как оформить пособие по уходу за ребёнком", "Прошу разъяснить порядок оформления пособия.", 2);
  const pothole = await register(0, "statement", "02.01", "Яма на дороге у школы № 45", "На проезжей части напротив школы большая яма, опасно для детей.", 6);
  await transitionAppeal(db, senior, SEED_META, pothole, { to: "in_progress" });
  const overdue = await register(1, "statement", "01.01", "Протечка трубы в подъезде", "Третью неделю течёт труба в подъезде, управляющая компания не реагирует.", 30);
  await transitionAppeal(db, senior, SEED_META, overdue, { to: "in_progress" });
  const extended = await register(2, "statement", "01.02", "Перерасчёт за отопление", "Прошу сделать перерасчёт за период отключения отопления.", 12);
  await transitionAppeal(db, senior, SEED_META, extended, { to: "in_progress" });
  await extendAppeal(db, supervisor, SEED_META, extended, {
    newDueDate: new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10),
    reason: "Требуется запрос данных у поставщика тепла",
    actionPlan: "Запросить показания приборов учёта, провести перерасчёт, направить ответ",
  });
  const forwarded = await register(0, "request", "03", "Назначение пенсии по инвалидности", "Прошу разъяснить условия назначения пенсии.", 1);
  if (external) {
    await forwardAppeal(db, senior, SEED_META, forwarded, {
      scope: "whole",
      toBodyId: external.id,
      reason: "Вопрос относится к компетенции министерства",
    });
  }
  const answered = await register(1, "feedback", "02.02", "Предложение по маршруту автобуса № 10", "Предлагаю продлить маршрут до нового микрорайона.", 9);
  await transitionAppeal(db, senior, SEED_META, answered, { to: "in_progress" });
  await transitionAppeal(db, senior, SEED_META, answered, {
    to: "executed",
    answerCharacter: "explained",
    clientMessage: "Предложение рассмотрено и включено в план оптимизации маршрутной сети на 2027 год.",
  });
  const complaint = await register(2, "complaint", "04", "Грубость оператора", "Оператор прервал разговор, не ответив на вопрос.", 3);
  await transitionAppeal(db, senior, SEED_META, complaint, { to: "in_progress" });
  const water = [...ref.units.values()].find((u) => u.name_en === "Water supply unit");
  const routed = await register(0, "statement", "01.01", "Ржавая вода из крана", "Из крана идёт ржавая вода уже два дня.", 4);
  if (water) {
    await assignAppeal(db, senior, SEED_META, routed, { unitId: water.id });
  }
  await transitionAppeal(db, senior, SEED_META, routed, { to: "in_progress" });
}
