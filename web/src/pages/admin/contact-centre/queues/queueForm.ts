import type { QueueBody, QueueDto } from "@bailanys/common/api/routing-admin";
import type { ErrorCode } from "@bailanys/common/errors";
import type { Names } from "../../../../i18n/useLocalizedName.ts";
import { rangeProblem } from "../shared/numbers.ts";
import { formToHours, hoursFieldKeys, hoursToForm, officeHours, validateHours, type DayHours } from "./hours.ts";
import { validateWidening, type WideningStep } from "./widening.ts";

/** The queue dialog's state: the body's fields, with the names together and the hours per weekday. */
export interface QueueForm {
  code: string;
  names: Names;
  channels: string[];
  topicIds: string[];
  minLevel: number;
  line: number;
  priority: number;
  offerTimeoutSeconds: number;
  wrapupSeconds: number;
  serviceLevelSeconds: number;
  widening: WideningStep[];
  overflowQueueId: string | null;
  overflowAfterSeconds: number | null;
  callbackAfterSeconds: number | null;
  hours: DayHours[];
  openOnHolidays: boolean;
  sort: number;
  active: boolean;
}

const CODE = /^[a-z0-9_-]{1,40}$/;

/** Scalar fields checked against their schema ranges; the dialog shows a problem under the input of the same key. */
const RANGES = {
  minLevel: [1, 5],
  line: [1, 3],
  priority: [-100, 100],
  offerTimeoutSeconds: [5, 300],
  wrapupSeconds: [0, 3600],
  serviceLevelSeconds: [1, 3600],
  sort: [0, 10000],
} as const satisfies Partial<Record<keyof QueueForm, readonly [number, number]>>;
const WAIT_MIN = 1;
const WAIT_MAX = 86400;

/** The form for a queue, or for a new one: web chat, the general queue, 1st line, office hours. */
export function queueToForm(queue: QueueDto | null): QueueForm {
  if (queue === null) {
    return {
      code: "",
      names: { nameKk: "", nameRu: "", nameEn: "" },
      channels: ["web_chat"],
      topicIds: [],
      minLevel: 1,
      line: 1,
      priority: 0,
      offerTimeoutSeconds: 30,
      wrapupSeconds: 60,
      serviceLevelSeconds: 20,
      widening: [],
      overflowQueueId: null,
      overflowAfterSeconds: null,
      callbackAfterSeconds: null,
      hours: officeHours(),
      openOnHolidays: false,
      sort: 0,
      active: true,
    };
  }
  // Field by field, so that anything the DTO carries besides the body never reaches the PUT.
  return {
    code: queue.code,
    names: { nameKk: queue.nameKk, nameRu: queue.nameRu, nameEn: queue.nameEn },
    channels: [...queue.channels],
    topicIds: [...queue.topicIds],
    minLevel: queue.minLevel,
    line: queue.line,
    priority: queue.priority,
    offerTimeoutSeconds: queue.offerTimeoutSeconds,
    wrapupSeconds: queue.wrapupSeconds,
    serviceLevelSeconds: queue.serviceLevelSeconds,
    widening: queue.widening.map((w) => ({ after: w.after, relax: w.relax })),
    overflowQueueId: queue.overflowQueueId,
    overflowAfterSeconds: queue.overflowAfterSeconds,
    callbackAfterSeconds: queue.callbackAfterSeconds,
    hours: hoursToForm(queue.hours),
    openOnHolidays: queue.openOnHolidays,
    sort: queue.sort,
    active: queue.active,
  };
}

/** The request body: trimmed names, every weekday, and no overflow wait without an overflow queue. */
export function formToBody(form: QueueForm): QueueBody {
  const { names, hours, ...rest } = form;
  return {
    ...rest,
    nameKk: names.nameKk.trim(),
    nameRu: names.nameRu.trim(),
    nameEn: names.nameEn.trim(),
    overflowAfterSeconds: form.overflowQueueId === null ? null : form.overflowAfterSeconds,
    hours: formToHours(hours),
  };
}

/** Every problem the browser can see before sending, keyed by the server's field paths. */
export function validateQueueForm(form: QueueForm): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  if (!CODE.test(form.code)) {
    problems.code = form.code === "" ? "FIELD_REQUIRED" : "FIELD_INVALID";
  }
  for (const key of ["nameKk", "nameRu", "nameEn"] as const) {
    if (form.names[key].trim() === "") {
      problems[key] = "FIELD_REQUIRED";
    }
  }
  if (form.channels.length === 0) {
    problems.channels = "FIELD_REQUIRED";
  }
  for (const [key, [min, max]] of Object.entries(RANGES)) {
    const problem = rangeProblem(form[key as keyof typeof RANGES], min, max);
    if (problem !== null) {
      problems[key] = problem;
    }
  }
  // An overflow queue needs its wait; a callback is optional, but when given it needs a sensible wait.
  const overflow = form.overflowQueueId === null ? null : rangeProblem(form.overflowAfterSeconds ?? Number.NaN, WAIT_MIN, WAIT_MAX);
  const callback = form.callbackAfterSeconds === null ? null : rangeProblem(form.callbackAfterSeconds, WAIT_MIN, WAIT_MAX);
  if (overflow !== null) {
    problems.overflowAfterSeconds = overflow;
  }
  if (callback !== null) {
    problems.callbackAfterSeconds = callback;
  }
  return { ...problems, ...validateHours(form.hours), ...validateWidening(form.widening) };
}

/** The field keys the dialog has an input for; a server problem elsewhere goes to the notification. */
export function queueFieldKeys(form: QueueForm): string[] {
  return [
    "code",
    "nameKk",
    "nameRu",
    "nameEn",
    "channels",
    "topicIds",
    ...Object.keys(RANGES),
    "overflowQueueId",
    "overflowAfterSeconds",
    "callbackAfterSeconds",
    "openOnHolidays",
    "active",
    ...hoursFieldKeys("hours"),
    "widening",
    ...form.widening.flatMap((_, i) => [`widening.${i}.after`, `widening.${i}.relax`]),
  ];
}
