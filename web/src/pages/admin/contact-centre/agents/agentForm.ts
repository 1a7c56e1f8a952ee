import type { AgentProfileBody } from "@bailanys/common/api/routing-admin";
import { CHANNEL_RULES, isRoutedChannel, ROUTED_CHANNELS } from "@bailanys/common/contacts";
import type { ErrorCode } from "@bailanys/common/errors";
import { rangeProblem } from "../shared/numbers.ts";

export type ChannelCapacity = AgentProfileBody["channels"][number];
/** A skill row; the topic is null until one is chosen in a newly added row. */
export interface SkillRow {
  topicId: string | null;
  level: number;
}

export interface AgentForm {
  languages: string[];
  line: number;
  channels: ChannelCapacity[];
  skills: SkillRow[];
}

/** The form for a profile; without one, a 1st-line operator in Kazakh and Russian taking web chats. */
export function profileToForm(profile: AgentProfileBody | null): AgentForm {
  if (profile === null) {
    return { languages: ["kk", "ru"], line: 1, channels: [{ channel: "web_chat", capacity: CHANNEL_RULES.web_chat.defaultCapacity }], skills: [] };
  }
  return {
    languages: [...profile.languages],
    line: profile.line,
    channels: profile.channels.map((c) => ({ channel: c.channel, capacity: c.capacity })),
    skills: profile.skills.map((s) => ({ topicId: s.topicId, level: s.level })),
  };
}

/** The next channel row to add: the first routed channel not listed yet, with its usual capacity; null when all are. */
export function nextChannel(rows: readonly ChannelCapacity[]): ChannelCapacity | null {
  const channel = ROUTED_CHANNELS.find((c) => !rows.some((r) => r.channel === c));
  return channel === undefined ? null : { channel, capacity: CHANNEL_RULES[channel].defaultCapacity };
}

/** The usual capacity of a channel, for a row whose channel was just changed. */
export function defaultCapacity(channel: string): number {
  return isRoutedChannel(channel) ? CHANNEL_RULES[channel].defaultCapacity : 1;
}

/** Problems the browser can see, keyed like the server's paths ("channels.1.channel", "skills.0.topicId"). */
export function validateAgentForm(form: AgentForm): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  if (form.languages.length === 0) {
    problems.languages = "FIELD_REQUIRED";
  }
  const line = rangeProblem(form.line, 1, 3);
  if (line !== null) {
    problems.line = line;
  }
  form.channels.forEach((row, i) => {
    if (form.channels.findIndex((r) => r.channel === row.channel) < i) {
      problems[`channels.${i}.channel`] = "ALREADY_EXISTS";
    }
    const capacity = rangeProblem(row.capacity, 1, 20);
    if (capacity !== null) {
      problems[`channels.${i}.capacity`] = capacity;
    }
  });
  form.skills.forEach((row, i) => {
    if (row.topicId === null) {
      problems[`skills.${i}.topicId`] = "FIELD_REQUIRED";
    } else if (form.skills.findIndex((r) => r.topicId === row.topicId) < i) {
      problems[`skills.${i}.topicId`] = "ALREADY_EXISTS";
    }
    const level = rangeProblem(row.level, 1, 5);
    if (level !== null) {
      problems[`skills.${i}.level`] = level;
    }
  });
  return problems;
}

/** The request body of a checked form (rows without a topic are left out; validation reports them first). */
export function formToProfileBody(form: AgentForm): AgentProfileBody {
  return {
    languages: form.languages,
    line: form.line,
    channels: form.channels.map((c) => ({ channel: c.channel, capacity: c.capacity })),
    skills: form.skills.flatMap((s) => (s.topicId === null ? [] : [{ topicId: s.topicId, level: s.level }])),
  };
}

/** The field keys the dialog has inputs for. */
export function agentFieldKeys(form: AgentForm): string[] {
  return [
    "languages",
    "line",
    "channels",
    "skills",
    ...form.channels.flatMap((_, i) => [`channels.${i}.channel`, `channels.${i}.capacity`]),
    ...form.skills.flatMap((_, i) => [`skills.${i}.topicId`, `skills.${i}.level`]),
  ];
}
