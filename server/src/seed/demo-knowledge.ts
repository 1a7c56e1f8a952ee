import type { Db } from "../db/database.ts";
import type { KbFacts, OfficeHours } from "../db/schema-kb.ts";
import { indexPublishedVersion } from "../modules/kb/kb-index.ts";

interface DemoText {
  title: string;
  body: string;
  facts?: KbFacts;
}

interface DemoArticle {
  code: string;
  audience: "public" | "internal";
  category: string | null;
  tags: string[];
  offices?: boolean;
  source: { title: string; reference: string; date: string };
  kk: DemoText;
  ru: DemoText;
}

const WEEKDAYS = (open: string, close: string, lunch?: [string, string]): OfficeHours[] =>
  [1, 2, 3, 4, 5].map((day) => ({ day, open, close, ...(lunch ? { breakFrom: lunch[0], breakTo: lunch[1] } : {}) }));

const SOCIAL_CODE = { title: "Социальный кодекс Республики Казахстан от 20 апреля 2023 года № 224-VII", reference: "глава 16 (демо-ссылка)", date: "2023-04-20" };
const HOUSING_LAW = { title: "Закон Республики Казахстан «О жилищных отношениях» от 16 апреля 1997 года № 94", reference: "статьи 97–99 (демо-ссылка)", date: "1997-04-16" };
const AKIMAT_ORDER = { title: "Постановление акимата города Астаны о графике приёма граждан (демо)", reference: "пункт 2", date: "2026-01-10" };

const ARTICLES: DemoArticle[] = [
  {
    code: "housing-aid",
    audience: "public",
    category: "03",
    tags: ["жилищная помощь", "субсидия"],
    offices: true,
    source: HOUSING_LAW,
    ru: {
      title: "Жилищная помощь малообеспеченным семьям",
      body: "Жилищная помощь возмещает часть расходов на коммунальные услуги и содержание жилья семьям, у которых эти расходы превышают **10 %** совокупного дохода.\n\n| Кто может получить | Условие |\n|---|---|\n| собственники и наниматели жилья | единственное жильё |\n| семьи с низким доходом | расходы на ЖКХ выше 10 % дохода |\n\nЗаявление подаётся в ЦОН или на портале «электронного правительства».",
      facts: { description: "Возмещение части расходов на коммунальные услуги семьям с низким доходом.", documents: ["Удостоверение личности", "Сведения о доходах семьи за квартал", "Счета за коммунальные услуги за квартал"], fee: "Бесплатно", term: "8 рабочих дней" },
    },
    kk: {
      title: "Аз қамтылған отбасыларға тұрғын үй көмегі",
      body: "Тұрғын үй көмегі коммуналдық қызметтерге және тұрғын үйді ұстауға жұмсалған шығыстары отбасының жиынтық табысының **10 %**-ынан асатын отбасыларға шығыстардың бір бөлігін өтейді.\n\nӨтініш ХҚКО-ға немесе «электрондық үкімет» порталында беріледі.",
      facts: { description: "Табысы төмен отбасыларға коммуналдық қызметтер шығыстарының бір бөлігін өтеу.", documents: ["Жеке куәлік", "Отбасының тоқсандағы табысы туралы мәліметтер", "Тоқсандағы коммуналдық қызметтер шоттары"], fee: "Тегін", term: "8 жұмыс күні" },
    },
  },
  {
    code: "pension-age",
    audience: "public",
    category: "03",
    tags: ["пенсия"],
    offices: true,
    source: SOCIAL_CODE,
    ru: {
      title: "Пенсия по возрасту: кому и когда назначается",
      body: "Пенсионные выплаты по возрасту назначаются мужчинам с **63 лет**, женщинам — по графику повышения пенсионного возраста.\n\nЗаявление подаётся в отделение Государственной корпорации или через портал eGov.",
      facts: { documents: ["Удостоверение личности", "Реквизиты банковского счёта"], fee: "Бесплатно", term: "10 рабочих дней" },
    },
    kk: {
      title: "Жасына байланысты зейнетақы: кімге және қашан тағайындалады",
      body: "Жасына байланысты зейнетақы төлемдері ерлерге **63 жастан**, әйелдерге зейнеткерлік жасты арттыру кестесі бойынша тағайындалады.\n\nӨтініш Мемлекеттік корпорацияның бөліміне немесе eGov порталы арқылы беріледі.",
      facts: { documents: ["Жеке куәлік", "Банк шотының деректемелері"], fee: "Тегін", term: "10 жұмыс күні" },
    },
  },
  {
    code: "water-outage",
    audience: "public",
    category: "01.01",
    tags: ["вода", "авария"],
    source: { title: "Правила предоставления коммунальных услуг (демо)", reference: "пункт 14", date: "2025-06-01" },
    ru: {
      title: "Нет воды: что делать и куда звонить",
      body: "Плановые отключения объявляются заранее на сайте акимата. При аварии позвоните в единую дежурно-диспетчерскую службу **109** или напишите в чат — оператор сообщит срок восстановления.\n\nЕсли вода отключена дольше объявленного срока, оператор зарегистрирует обращение в управление энергетики и ЖКХ.",
      facts: { term: "Восстановление при аварии — до 24 часов" },
    },
    kk: {
      title: "Су жоқ: не істеу керек және қайда қоңырау шалу керек",
      body: "Жоспарлы өшірулер әкімдік сайтында алдын ала жарияланады. Апат кезінде **109** бірыңғай кезекші-диспетчерлік қызметіне қоңырау шалыңыз немесе чатқа жазыңыз — оператор қалпына келтіру мерзімін хабарлайды.",
      facts: { term: "Апат кезінде қалпына келтіру — 24 сағатқа дейін" },
    },
  },
  {
    code: "reception-hours",
    audience: "public",
    category: null,
    tags: ["приём граждан", "график"],
    offices: true,
    source: AKIMAT_ORDER,
    ru: {
      title: "Часы приёма граждан и адреса приёмных",
      body: "Приём граждан ведётся в приёмной акимата и в центрах обслуживания населения. Записаться на личный приём к руководителю можно через контакт-центр **109**.",
    },
    kk: {
      title: "Азаматтарды қабылдау уақыты және қабылдау бөлмелерінің мекенжайлары",
      body: "Азаматтарды қабылдау әкімдіктің қабылдау бөлмесінде және халыққа қызмет көрсету орталықтарында жүргізіледі. Басшының жеке қабылдауына **109** байланыс орталығы арқылы жазылуға болады.",
    },
  },
  {
    code: "complaint-script",
    audience: "internal",
    category: "04",
    tags: ["скрипт", "жалоба"],
    source: { title: "Типовые требования к организации работы контакт-центров (приказ № 443/НҚ)", reference: "пункты 8–9", date: "2024-01-01" },
    ru: {
      title: "Скрипт: жалоба на работу контакт-центра",
      body: "1. Поблагодарите гражданина и извинитесь за неудобства.\n2. Уточните дату, время и суть обращения.\n3. Зарегистрируйте **жалобу** с категорией и сообщите номер.\n4. Назовите срок рассмотрения по типу обращения.",
    },
    kk: {
      title: "Скрипт: байланыс орталығының жұмысына шағым",
      body: "1. Азаматқа алғыс айтып, қолайсыздық үшін кешірім сұраңыз.\n2. Өтініштің күнін, уақытын және мәнін нақтылаңыз.\n3. **Шағымды** санатымен тіркеп, нөмірін хабарлаңыз.\n4. Өтініш түріне сәйкес қарау мерзімін атаңыз.",
    },
  },
];

/**
 * The demo knowledge base: public and internal articles in Kazakh and Russian, written by `editor` and published
 * by `supervisor` with their official sources, two offices with hours, and synonyms citizens use.
 */
export async function seedDemoKnowledge(trx: Db, tenantId: string): Promise<void> {
  const users = await trx.selectFrom("users").select(["id", "login"]).where("tenant_id", "=", tenantId).where("login", "in", ["editor", "supervisor"]).execute();
  const author = users.find((u) => u.login === "editor")?.id;
  const approver = users.find((u) => u.login === "supervisor")?.id;
  if (!author || !approver) {
    throw new Error("demo knowledge base needs the editor and supervisor accounts");
  }
  const office = async (kk: [string, string], ru: [string, string], en: [string, string], hours: OfficeHours[], phone: string, at: [number, number]) =>
    (
      await trx
        .insertInto("kb_offices")
        .values({ tenant_id: tenantId, name_kk: kk[0], address_kk: kk[1], name_ru: ru[0], address_ru: ru[1], name_en: en[0], address_en: en[1], hours: JSON.stringify(hours), phone, latitude: at[0], longitude: at[1] })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const offices = [
    await office(["Әкімдіктің қабылдау бөлмесі", "Астана, Бейбітшілік көшесі, 11"], ["Приёмная акимата", "Астана, улица Бейбітшілік, 11"], ["Akimat reception", "11 Beibitshilik St, Astana"], WEEKDAYS("09:00", "18:30", ["13:00", "14:30"]), "+7 7172 55 00 00", [51.1694, 71.4491]),
    await office(
      ["Есіл ауданының ХҚКО", "Астана, Мәңгілік Ел даңғылы, 55/20"],
      ["ЦОН района Есиль", "Астана, проспект Мангилик Ел, 55/20"],
      ["Yesil district PSC", "55/20 Mangilik El Ave, Astana"],
      [...WEEKDAYS("09:00", "19:00"), { day: 6, open: "09:00", close: "13:00" }],
      "1414",
      [51.0909, 71.4187],
    ),
  ];
  const categories = await trx.selectFrom("classifier_items").select(["id", "code"]).where("tenant_id", "=", tenantId).execute();
  for (const spec of ARTICLES) {
    const article = await trx
      .insertInto("kb_articles")
      .values({ tenant_id: tenantId, code: spec.code, audience: spec.audience, category_id: categories.find((c) => c.code === spec.category)?.id ?? null, tags: spec.tags, created_by: author })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (spec.offices) {
      await trx.insertInto("kb_article_offices").values(offices.map((officeId) => ({ tenant_id: tenantId, article_id: article.id, office_id: officeId }))).execute();
    }
    for (const locale of ["kk", "ru"] as const) {
      const text = spec[locale];
      const version = await trx
        .insertInto("kb_versions")
        .values({
          tenant_id: tenantId,
          article_id: article.id,
          locale,
          number: 1,
          state: "published",
          title: text.title,
          body: text.body,
          facts: JSON.stringify(text.facts ?? {}),
          source_title: spec.source.title,
          source_reference: spec.source.reference,
          source_date: spec.source.date,
          valid_from: "2026-01-01",
          review_by: "2027-06-30",
          author_id: author,
          submitted_at: new Date(),
          reviewed_by: approver,
          reviewed_at: new Date(),
          published_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await indexPublishedVersion(trx, article, version);
    }
  }
  await trx
    .insertInto("kb_synonyms")
    .values([
      { tenant_id: tenantId, terms: ["пенсия", "зейнетақы"], created_by: author },
      { tenant_id: tenantId, terms: ["жкх", "коммунальные услуги", "ткш"], created_by: author },
      { tenant_id: tenantId, terms: ["цон", "центр обслуживания населения", "хқко"], created_by: author },
    ])
    .execute();
}
