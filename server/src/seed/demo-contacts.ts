import type { Db } from "../db/database.ts";

const ALWAYS = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["00:00", "24:00"]]));

export interface DemoTopics {
  housing: string;
  roads: string;
  social: string;
}

/**
 * The demo centre's contact engine: a general queue for chat and callbacks open around the clock (so that the
 * demo answers whenever it is tried), a housing queue, a 2nd-line queue, routing profiles for the operators
 * and canned replies in Kazakh and Russian.
 */
export async function seedDemoContactCentre(trx: Db, tenantId: string, topics: DemoTopics): Promise<void> {
  const queue = async (code: string, kk: string, ru: string, en: string, extra: Record<string, unknown>) =>
    (
      await trx
        .insertInto("contact_queues")
        .values({
          tenant_id: tenantId,
          code,
          name_kk: kk,
          name_ru: ru,
          name_en: en,
          channels: ["web_chat", "phone"],
          hours: JSON.stringify(ALWAYS),
          open_on_holidays: true,
          ...extra,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const secondLine = await queue("second_line", "Екінші желі (сарапшылар)", "Вторая линия (эксперты)", "Second line (experts)", { line: 2, sort: 3, service_level_seconds: 60 });
  await queue("housing", "ТКШ және коммуналдық қызметтер", "ЖКХ и коммунальные услуги", "Housing and utilities", {
    topic_ids: [topics.housing],
    min_level: 2,
    sort: 1,
    widening: JSON.stringify([{ after: 30, relax: "level" }, { after: 90, relax: "topic" }]),
    overflow_queue_id: secondLine,
    overflow_after_seconds: 300,
    callback_after_seconds: 120,
  });
  await queue("general", "Жалпы кезек", "Общая очередь", "General queue", {
    sort: 2,
    widening: JSON.stringify([{ after: 60, relax: "language" }]),
    callback_after_seconds: 120,
  });

  const users = await trx.selectFrom("users").select(["id", "login"]).where("tenant_id", "=", tenantId).execute();
  const id = (login: string) => users.find((u) => u.login === login)?.id;
  const profiles = [
    { login: "operator", languages: ["kk", "ru"], line: 1, skills: [{ topic: topics.housing, level: 2 }, { topic: topics.social, level: 1 }] },
    { login: "senior", languages: ["ru", "kk"], line: 2, skills: [{ topic: topics.housing, level: 3 }, { topic: topics.roads, level: 3 }, { topic: topics.social, level: 2 }] },
    { login: "supervisor", languages: ["ru", "kk"], line: 2, skills: [{ topic: topics.housing, level: 3 }, { topic: topics.roads, level: 2 }] },
  ];
  for (const profile of profiles) {
    const userId = id(profile.login);
    if (!userId) {
      continue;
    }
    await trx.insertInto("agents").values({ user_id: userId, tenant_id: tenantId, languages: profile.languages, line: profile.line, state: "offline" }).execute();
    await trx.insertInto("agent_channels").values([
      { tenant_id: tenantId, user_id: userId, channel: "web_chat", capacity: 3 },
      { tenant_id: tenantId, user_id: userId, channel: "phone", capacity: 1 },
    ]).execute();
    for (const skill of profile.skills) {
      await trx.insertInto("agent_skills").values({ tenant_id: tenantId, user_id: userId, topic_id: skill.topic, level: skill.level }).execute();
    }
  }

  const replies: { language: string; title: string; body: string }[] = [
    { language: "kk", title: "Сәлемдесу", body: "Сәлеметсіз бе! «109» байланыс орталығы. Сізге қалай көмектесе аламын?" },
    { language: "kk", title: "Күте тұрыңыз", body: "Ақпаратты нақтылап жатырмын, бір минут күте тұрыңыз." },
    { language: "kk", title: "Өтініш тіркелді", body: "Өтінішіңіз тіркелді. Нөмірі бойынша оның мәртебесін сайттағы «Өтініш мәртебесі» бетінен көре аласыз." },
    { language: "kk", title: "Қоштасу", body: "Хабарласқаныңызға рахмет! Тағы сұрақтарыңыз болса, жазыңыз." },
    { language: "ru", title: "Приветствие", body: "Здравствуйте! Контакт-центр «109». Чем могу помочь?" },
    { language: "ru", title: "Подождите", body: "Уточняю информацию, подождите, пожалуйста, одну минуту." },
    { language: "ru", title: "Обращение зарегистрировано", body: "Ваше обращение зарегистрировано. По его номеру статус можно узнать на странице «Статус обращения»." },
    { language: "ru", title: "Прощание", body: "Спасибо за обращение! Если появятся вопросы — пишите." },
  ];
  await trx.insertInto("canned_replies").values(replies.map((r, i) => ({ tenant_id: tenantId, ...r, sort: i }))).execute();
}
