import { describe, expect, it } from "vitest";
import { agentFieldKeys, defaultCapacity, formToProfileBody, nextChannel, profileToForm, validateAgentForm } from "./agentForm.ts";

const TOPIC_A = "00000000-0000-4000-8000-00000000000a";
const TOPIC_B = "00000000-0000-4000-8000-00000000000b";

describe("routing profile form", () => {
  it("round-trips a profile", () => {
    const profile = { languages: ["ru", "kk"], line: 2, channels: [{ channel: "web_chat", capacity: 3 }, { channel: "phone", capacity: 1 }], skills: [{ topicId: TOPIC_A, level: 3 }] };
    expect(formToProfileBody(profileToForm(profile))).toEqual(profile);
  });

  it("starts someone without a profile as a valid 1st-line web-chat operator", () => {
    const form = profileToForm(null);
    expect(form).toEqual({ languages: ["kk", "ru"], line: 1, channels: [{ channel: "web_chat", capacity: 3 }], skills: [] });
    expect(validateAgentForm(form)).toEqual({});
  });

  it("adds channels not listed yet, with their usual capacity", () => {
    expect(nextChannel([{ channel: "web_chat", capacity: 3 }])).toEqual({ channel: "phone", capacity: 1 });
    expect(nextChannel(["web_chat", "phone", "email", "telegram"].map((channel) => ({ channel, capacity: 1 })))).toBeNull();
    expect(defaultCapacity("email")).toBe(5);
    expect(defaultCapacity("fax")).toBe(1);
  });

  it("reports missing languages, repeated channels and topics, out-of-range numbers", () => {
    const form = {
      languages: [],
      line: 1,
      channels: [{ channel: "web_chat", capacity: 3 }, { channel: "web_chat", capacity: 21 }],
      skills: [{ topicId: TOPIC_A, level: 2 }, { topicId: TOPIC_A, level: 6 }, { topicId: null, level: 1 }, { topicId: TOPIC_B, level: 5 }],
    };
    expect(validateAgentForm(form)).toEqual({
      languages: "FIELD_REQUIRED",
      "channels.1.channel": "ALREADY_EXISTS",
      "channels.1.capacity": "FIELD_OUT_OF_RANGE",
      "skills.1.topicId": "ALREADY_EXISTS",
      "skills.1.level": "FIELD_OUT_OF_RANGE",
      "skills.2.topicId": "FIELD_REQUIRED",
    });
    expect(agentFieldKeys(form)).toEqual(expect.arrayContaining(["channels.1.capacity", "skills.3.topicId"]));
  });
});
