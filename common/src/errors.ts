import type { Localized } from "./locales.ts";

/**
 * The one error catalogue: stable codes → HTTP status and a safe message in kk/ru/en. Services throw by code;
 * only the HTTP layer translates. Field-level codes (status 400) describe one field inside VALIDATION_FAILED.
 */
export interface ErrorDefinition {
  status: number;
  message: Localized;
  /** Whether an occurrence is worth an operator's attention in the logs (unexpected, not user error). */
  reportable?: boolean;
}

export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    message: { kk: "Деректер дұрыс толтырылмаған.", ru: "Данные заполнены неверно.", en: "The request data is invalid." },
  },
  FIELD_REQUIRED: {
    status: 400,
    message: { kk: "Міндетті өріс.", ru: "Обязательное поле.", en: "This field is required." },
  },
  FIELD_INVALID: {
    status: 400,
    message: { kk: "Мәні жарамсыз.", ru: "Недопустимое значение.", en: "The value is invalid." },
  },
  FIELD_TOO_LONG: {
    status: 400,
    message: { kk: "Мән тым ұзын.", ru: "Слишком длинное значение.", en: "The value is too long." },
  },
  FIELD_TOO_SHORT: {
    status: 400,
    message: { kk: "Мән тым қысқа.", ru: "Слишком короткое значение.", en: "The value is too short." },
  },
  FIELD_OUT_OF_RANGE: {
    status: 400,
    message: { kk: "Мән рұқсат етілген шектен тыс.", ru: "Значение вне допустимого диапазона.", en: "The value is out of range." },
  },
  FIELD_UNKNOWN: {
    status: 400,
    message: { kk: "Белгісіз өріс.", ru: "Неизвестное поле.", en: "Unknown field." },
  },
  REFERENCE_UNKNOWN: {
    status: 400,
    message: {
      kk: "Анықтамалықта мұндай мән жоқ.",
      ru: "Такого значения нет в справочнике.",
      en: "No such value in the reference data.",
    },
  },
  IIN_INVALID_FORMAT: {
    status: 400,
    message: { kk: "ЖСН 12 цифрдан тұруы керек.", ru: "ИИН должен состоять из 12 цифр.", en: "An IIN has 12 digits." },
  },
  IIN_INVALID_CHECKSUM: {
    status: 400,
    message: {
      kk: "ЖСН бақылау разряды сәйкес келмейді.",
      ru: "Неверный контрольный разряд ИИН.",
      en: "The IIN check digit does not match.",
    },
  },
  IIN_INVALID_DATE: {
    status: 400,
    message: { kk: "ЖСН-дегі туған күн жарамсыз.", ru: "Неверная дата рождения в ИИН.", en: "The birth date in the IIN is invalid." },
  },
  IIN_INVALID_CENTURY: {
    status: 400,
    message: {
      kk: "ЖСН-нің 7-разряды (ғасыр мен жыныс) жарамсыз.",
      ru: "Неверный 7-й разряд ИИН (век и пол).",
      en: "The 7th digit of the IIN (century and sex) is invalid.",
    },
  },
  BIN_INVALID_FORMAT: {
    status: 400,
    message: { kk: "БСН 12 цифрдан тұруы керек.", ru: "БИН должен состоять из 12 цифр.", en: "A BIN has 12 digits." },
  },
  BIN_INVALID_CHECKSUM: {
    status: 400,
    message: {
      kk: "БСН бақылау разряды сәйкес келмейді.",
      ru: "Неверный контрольный разряд БИН.",
      en: "The BIN check digit does not match.",
    },
  },
  BIN_INVALID_DATE: {
    status: 400,
    message: { kk: "БСН-дегі тіркеу күні жарамсыз.", ru: "Неверная дата регистрации в БИН.", en: "The registration date in the BIN is invalid." },
  },
  BIN_INVALID_TYPE: {
    status: 400,
    message: {
      kk: "БСН-дегі заңды тұлға түрі жарамсыз.",
      ru: "Неверный тип юридического лица в БИН.",
      en: "The entity type in the BIN is invalid.",
    },
  },
  PHONE_INVALID: {
    status: 400,
    message: {
      kk: "Телефон нөмірі +7XXXXXXXXXX форматында болуы керек.",
      ru: "Телефон должен быть в формате +7XXXXXXXXXX.",
      en: "The phone number must look like +7XXXXXXXXXX.",
    },
  },
  EMAIL_INVALID: {
    status: 400,
    message: { kk: "Электрондық пошта мекенжайы жарамсыз.", ru: "Неверный адрес электронной почты.", en: "The e-mail address is invalid." },
  },
  DATE_INVALID: {
    status: 400,
    message: { kk: "Күні жарамсыз.", ru: "Неверная дата.", en: "The date is invalid." },
  },
  UNAUTHENTICATED: {
    status: 401,
    message: { kk: "Жүйеге кіру қажет.", ru: "Требуется вход в систему.", en: "Please sign in." },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: { kk: "Логин немесе құпиясөз қате.", ru: "Неверный логин или пароль.", en: "Wrong login or password." },
  },
  PASSWORD_WRONG: {
    status: 400,
    message: { kk: "Қазіргі құпиясөз қате.", ru: "Текущий пароль введён неверно.", en: "The current password is wrong." },
  },
  PASSWORD_UNCHANGED: {
    status: 400,
    message: { kk: "Жаңа құпиясөз қазіргісінен өзгеше болуы керек.", ru: "Новый пароль должен отличаться от текущего.", en: "The new password must differ from the current one." },
  },
  ACCOUNT_LOCKED: {
    status: 423,
    message: {
      kk: "Сәтсіз әрекеттер көп болғандықтан тіркелгі уақытша бұғатталды.",
      ru: "Учётная запись временно заблокирована из-за неудачных попыток входа.",
      en: "The account is temporarily locked after failed sign-in attempts.",
    },
  },
  FORBIDDEN: {
    status: 403,
    message: { kk: "Бұл әрекетке құқығыңыз жоқ.", ru: "Недостаточно прав для этого действия.", en: "You are not allowed to do this." },
  },
  CSRF_FAILED: {
    status: 403,
    message: {
      kk: "Сұраудың қауіпсіздік белгісі жарамсыз. Бетті жаңартыңыз.",
      ru: "Неверный токен защиты запроса. Обновите страницу.",
      en: "The request's security token is missing or wrong. Reload the page.",
    },
  },
  NOT_FOUND: {
    status: 404,
    message: { kk: "Табылмады.", ru: "Не найдено.", en: "Not found." },
  },
  PUBLIC_LOOKUP_FAILED: {
    status: 404,
    message: {
      kk: "Осы нөмір мен деректер бойынша өтініш табылмады.",
      ru: "Обращение с таким номером и данными не найдено.",
      en: "No appeal matches this number and these details.",
    },
  },
  CONFLICT: {
    status: 409,
    message: { kk: "Жазба басқа пайдаланушымен өзгертілді.", ru: "Запись изменена другим пользователем.", en: "Someone else changed this record." },
  },
  ALREADY_EXISTS: {
    status: 409,
    message: { kk: "Мұндай жазба бар.", ru: "Такая запись уже существует.", en: "Such a record already exists." },
  },
  IN_USE: {
    status: 409,
    message: { kk: "Жазба пайдаланылуда, оны жою мүмкін емес.", ru: "Запись используется и не может быть удалена.", en: "The record is in use and cannot be deleted." },
  },
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: {
      kk: "Өтінішті бұл мәртебеге ауыстыруға болмайды.",
      ru: "Обращение нельзя перевести в этот статус.",
      en: "The appeal cannot move to this status.",
    },
  },
  APPEAL_CLOSED: {
    status: 409,
    message: { kk: "Өтініш жабылған.", ru: "Обращение закрыто.", en: "The appeal is closed." },
  },
  EXTENSION_LIMIT_EXCEEDED: {
    status: 400,
    message: {
      kk: "Мерзімді өтініш келіп түскен күннен бастап екі айдан артық ұзартуға болмайды.",
      ru: "Срок нельзя продлить более чем на два месяца со дня поступления обращения.",
      en: "The deadline cannot be extended beyond two months from receipt.",
    },
  },
  EXTENSION_NOT_LATER: {
    status: 400,
    message: {
      kk: "Жаңа мерзім ағымдағы мерзімнен кейін болуы керек.",
      ru: "Новый срок должен быть позже текущего.",
      en: "The new deadline must be later than the current one.",
    },
  },
  COMPLAINT_CATEGORY_REQUIRED: {
    status: 400,
    message: {
      kk: "Шағым үшін жіктеуіш санаты міндетті.",
      ru: "Для жалобы категория классификатора обязательна.",
      en: "A complaint needs a classifier category.",
    },
  },
  COMPLAINT_OUTCOME_REQUIRED: {
    status: 400,
    message: {
      kk: "Шағымды жабу үшін нәтижесін көрсетіңіз (расталды / расталмады).",
      ru: "Для закрытия жалобы укажите результат (подтверждена / не подтверждена).",
      en: "Closing a complaint needs its outcome (confirmed / not confirmed).",
    },
  },
  ANSWER_REQUIRED: {
    status: 400,
    message: {
      kk: "Өтініш берушіге жіберілетін жауап мәтіні міндетті.",
      ru: "Обязателен текст ответа, который будет отправлен заявителю.",
      en: "An answer to be sent to the applicant is required.",
    },
  },
  REASON_REQUIRED: {
    status: 400,
    message: { kk: "Себебін көрсетіңіз.", ru: "Укажите причину.", en: "Give a reason." },
  },
  CONSENT_REQUIRED: {
    status: 400,
    message: {
      kk: "Дербес деректерді өңдеуге келісім қажет.",
      ru: "Необходимо согласие на обработку персональных данных.",
      en: "Consent to the processing of personal data is required.",
    },
  },
  APPLICANT_REQUIRED: {
    status: 400,
    message: {
      kk: "Өтініш берушіні көрсетіңіз (анонимді өтініштер қаралмайды).",
      ru: "Укажите заявителя (анонимные обращения не рассматриваются).",
      en: "Give the applicant (anonymous appeals are not considered).",
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: {
      kk: "Бұл Idempotency-Key басқа сұрау үшін пайдаланылған.",
      ru: "Этот Idempotency-Key уже использован для другого запроса.",
      en: "This Idempotency-Key was used for a different request.",
    },
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    message: { kk: "Файл тым үлкен.", ru: "Файл слишком большой.", en: "The file is too large." },
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    message: { kk: "Бұл файл түріне рұқсат жоқ.", ru: "Этот тип файла не разрешён.", en: "This file type is not allowed." },
  },
  ATTACHMENT_LIMIT_REACHED: {
    status: 409,
    message: {
      kk: "Бұл диалогта файлдар саны шегіне жетті.",
      ru: "В этом диалоге достигнуто предельное число файлов.",
      en: "This conversation has reached its limit of files.",
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: { kk: "Сұрау тым үлкен.", ru: "Слишком большой запрос.", en: "The request is too large." },
  },
  RATE_LIMITED: {
    status: 429,
    message: {
      kk: "Сұраулар тым көп. Біраз күтіп, қайталаңыз.",
      ru: "Слишком много запросов. Подождите и повторите.",
      en: "Too many requests. Wait a little and try again.",
    },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    message: { kk: "Мұндай API әдісі жоқ.", ru: "Такого метода API нет.", en: "No such API route." },
  },
  NOT_READY: {
    status: 503,
    message: { kk: "Сервис іске қосылуда.", ru: "Сервис запускается.", en: "The service is starting." },
  },
  QUEUE_CLOSED: {
    status: 409,
    message: {
      kk: "Қазір жұмыс уақыты емес. Жұмыс уақытында жазыңыз немесе өтініш қалдырыңыз.",
      ru: "Сейчас нерабочее время. Напишите в рабочие часы или оставьте обращение.",
      en: "The centre is closed now. Write during working hours or leave an appeal.",
    },
  },
  NOTICE_INTERVAL_TOO_SHORT: {
    status: 400,
    message: {
      kk: "Күту туралы хабарлама минутына бір реттен жиі қайталанбауы керек (кемінде 60 секунд).",
      ru: "Сообщение об ожидании не может повторяться чаще раза в минуту (не меньше 60 секунд).",
      en: "The waiting notice may not repeat more often than once a minute (at least 60 seconds).",
    },
  },
  IVR_MENU_INVALID: {
    status: 400,
    message: {
      kk: "Дауыстық мәзірде қате бар: бастапқы түйін, таңдаулар мен көшулер бар түйіндерге апаруы керек.",
      ru: "В голосовом меню ошибка: начальный узел, выборы и переходы должны вести к существующим узлам.",
      en: "The voice menu has an error: the start, choices and next steps must lead to existing nodes.",
    },
  },
  VOICE_NUMBER_TAKEN: {
    status: 409,
    message: {
      kk: "Бұл нөмір басқа ұйымның мәзіріне тиесілі.",
      ru: "Этот номер уже ведёт в меню другой организации.",
      en: "This number already leads to another organisation's menu.",
    },
  },
  PROMPT_NOT_WAV: {
    status: 400,
    message: {
      kk: "Жазба 16 биттік PCM WAV файлы болуы керек.",
      ru: "Запись должна быть файлом WAV (PCM, 16 бит).",
      en: "The recording must be a 16-bit PCM WAV file.",
    },
  },
  DO_NOT_CALL: {
    status: 400,
    message: {
      kk: "Бұл нөмірдің иесі қоңырау шалмауды сұраған.",
      ru: "Владелец этого номера просил не звонить.",
      en: "The owner of this number asked not to be called.",
    },
  },
  OUTSIDE_CALLING_HOURS: {
    status: 409,
    message: {
      kk: "Қазір жұмыс уақыты емес: азамат осы уақытты өзі сұрамаса, қоңырау шалуға болмайды.",
      ru: "Сейчас нерабочее время: звонить можно, только если гражданин сам попросил это время.",
      en: "Outside working hours: a call is allowed only at a time the citizen asked for.",
    },
  },
  OUTBOUND_NOT_CONFIGURED: {
    status: 409,
    message: {
      kk: "Шығыс қоңыраулар үшін транк бапталмаған.",
      ru: "Для исходящих звонков не настроен транк.",
      en: "No trunk is set up for outbound calls.",
    },
  },
  CALL_IN_PROGRESS: {
    status: 409,
    message: { kk: "Бұл байланыс бойынша қоңырау жүріп жатыр.", ru: "По этому контакту уже идёт звонок.", en: "A call for this contact is already under way." },
  },
  NO_QUEUE_FOR_CONTACT: {
    status: 409,
    message: {
      kk: "Бұл арна мен тақырып үшін кезек бапталмаған.",
      ru: "Для этого канала и темы не настроена очередь.",
      en: "No queue is set up for this channel and topic.",
    },
  },
  OFFER_NOT_PENDING: {
    status: 409,
    message: {
      kk: "Бұл ұсыныс енді жарамсыз (уақыты өтті немесе басқа операторға берілді).",
      ru: "Это предложение больше не действует (время истекло или передано другому оператору).",
      en: "This offer is no longer open (it timed out or went to someone else).",
    },
  },
  CONTACT_NOT_ACTIVE: {
    status: 409,
    message: {
      kk: "Байланыс бұл әрекет үшін қолайлы күйде емес.",
      ru: "Контакт не в том состоянии, чтобы выполнить это действие.",
      en: "The contact is not in a state that allows this.",
    },
  },
  NOT_YOUR_CONTACT: {
    status: 403,
    message: {
      kk: "Бұл байланыс басқа операторға тиесілі.",
      ru: "Этот контакт ведёт другой оператор.",
      en: "Another operator is handling this contact.",
    },
  },
  AGENT_PROFILE_MISSING: {
    status: 409,
    message: {
      kk: "Операторда бағыттау профилі жоқ (дағдылар, тілдер, арналар). Әкімшіге хабарласыңыз.",
      ru: "У оператора нет профиля маршрутизации (навыки, языки, каналы). Обратитесь к администратору.",
      en: "The operator has no routing profile (skills, languages, channels). Ask an administrator.",
    },
  },
  AGENT_NO_ROOM: {
    status: 409,
    message: {
      kk: "Операторда бос орын жоқ немесе ол желіде емес.",
      ru: "Оператор занят или не в сети.",
      en: "The operator is busy or offline.",
    },
  },
  CHAT_SESSION_INVALID: {
    status: 404,
    message: {
      kk: "Чат сессиясы табылмады немесе аяқталды. Жаңа чат бастаңыз.",
      ru: "Сессия чата не найдена или завершена. Начните новый чат.",
      en: "The chat session was not found or has ended. Start a new chat.",
    },
  },
  VERIFICATION_FAILED: {
    status: 409,
    message: {
      kk: "Тұлғаны растау сәтсіз: деректер сәйкес келмейді.",
      ru: "Личность не подтверждена: данные не совпадают.",
      en: "Identity not verified: the details do not match.",
    },
  },
  CITIZEN_NOT_FOUND: {
    status: 400,
    message: {
      kk: "Мұндай азамат жазбасы жоқ.",
      ru: "Такой записи гражданина нет.",
      en: "No such citizen record.",
    },
  },
  CITIZEN_MERGE_SAME: {
    status: 400,
    message: {
      kk: "Жазбаны өзімен біріктіруге болмайды.",
      ru: "Запись нельзя объединить саму с собой.",
      en: "A record cannot be merged with itself.",
    },
  },
  CITIZEN_MERGE_IIN_CONFLICT: {
    status: 400,
    message: {
      kk: "Жазбалардың ЖСН/БСН әртүрлі: бұл әртүрлі тұлғалар.",
      ru: "У записей разные ИИН/БИН: это разные лица.",
      en: "The records have different IIN/BIN: they are different people.",
    },
  },
  CITIZEN_MERGE_KIND_CONFLICT: {
    status: 400,
    message: {
      kk: "Жеке тұлға мен ұйымның жазбасын біріктіруге болмайды.",
      ru: "Нельзя объединить запись физического лица с записью организации.",
      en: "A person's record cannot be merged with an organisation's.",
    },
  },
  SURVEY_ALREADY_GIVEN: {
    status: 409,
    message: {
      kk: "Бағалау бұрын берілген.",
      ru: "Оценка уже выставлена.",
      en: "This chat has been rated already.",
    },
  },
  KB_SOURCE_REQUIRED: {
    status: 400,
    message: {
      kk: "Ресми дереккөз көрсетілмеген: мақала тек ресми деректер негізінде жарияланады.",
      ru: "Не указан официальный источник: статья публикуется только на основании официальных данных.",
      en: "No official source given: an article is published only on the basis of official data.",
    },
  },
  KB_CODE_TAKEN: {
    status: 409,
    message: {
      kk: "Мұндай коды бар мақала бұрыннан бар.",
      ru: "Статья с таким кодом уже существует.",
      en: "An article with this code already exists.",
    },
  },
  KB_VERSION_STATE: {
    status: 409,
    message: {
      kk: "Нұсқа бұл әрекет үшін қажетті күйде емес.",
      ru: "Версия не в том состоянии, которое нужно для этого действия.",
      en: "The version is not in the state this action needs.",
    },
  },
  KB_OWN_VERSION: {
    status: 403,
    message: {
      kk: "Өз нұсқаңызды бекіте алмайсыз: оны басқа редактор бекітеді.",
      ru: "Нельзя утвердить собственную версию: её утверждает другой редактор.",
      en: "You cannot approve your own version: another editor approves it.",
    },
  },
  KB_NOT_PUBLISHED: {
    status: 404,
    message: {
      kk: "Мақала бұл тілде жарияланбаған.",
      ru: "Статья не опубликована на этом языке.",
      en: "The article is not published in this language.",
    },
  },
  KB_IMPORT_UNREADABLE: {
    status: 400,
    message: {
      kk: "Файлды оқу мүмкін емес: Markdown, CSV немесе XLSX қажет.",
      ru: "Не удалось прочитать файл: нужен Markdown, CSV или XLSX.",
      en: "The file could not be read: Markdown, CSV or XLSX is expected.",
    },
  },
  INTERNAL: {
    status: 500,
    message: {
      kk: "Ішкі қате. Әрекетті кейінірек қайталаңыз.",
      ru: "Внутренняя ошибка. Повторите попытку позже.",
      en: "Internal error. Try again later.",
    },
    reportable: true,
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** One problem with one field of the request, e.g. `{ field: "citizen.iin", code: "IIN_INVALID_CHECKSUM" }`. */
export interface FieldError {
  field: string;
  code: ErrorCode;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldError[]; requestId?: string };
}
