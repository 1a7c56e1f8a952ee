import type { ContactDto, LogEntryDto } from "@bailanys/common/api/contacts";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { describe, expect, it } from "vitest";
import { appealRequestBody, checkAppealValues } from "../appeals/appealForm.ts";
import { valuesFromContact } from "./contactAppealForm.ts";

const names = (en: string) => ({ nameKk: en, nameRu: en, nameEn: en });
const row = (code: string, active = true) => ({ code, ...names(code), sort: 0, active });
const TOPIC = "11111111-1111-4111-8111-111111111111";
const BODY = "22222222-2222-4222-8222-222222222222";

const reference = {
  tenant: { id: "t", code: "demo", ...names("Demo"), numberPrefix: "D" },
  kinds: [],
  types: [],
  statuses: [],
  transitions: [],
  criticality: [row("low"), row("normal")],
  channels: [row("phone"), row("web_chat")],
  languages: [row("kk"), row("ru")],
  escalationRules: [],
  classifier: [{ id: TOPIC, code: "housing", parentId: null, ...names("Housing"), bodyId: BODY, unitId: null, defaultTypeCode: "request", sort: 0, active: true }],
  bodies: [],
  units: [],
  positions: [],
} as unknown as ReferenceDto;

const contact = {
  id: "33333333-3333-4333-8333-333333333333",
  channel: { code: "web_chat", name: "Web chat" },
  state: "active",
  topic: { id: TOPIC, name: "Housing" },
  language: { code: "ru", name: "Russian" },
  locale: "ru",
  visitor: { name: "Aigerim", phone: "+77011234567", email: null },
  citizen: null,
  arrivedAt: "2026-03-02T05:00:00Z",
  appeals: [],
} as unknown as ContactDto;

const message = (seq: number, author: LogEntryDto["author"], body: string): LogEntryDto => ({
  seq, kind: "message", event: null, author, authorName: null, body, attachment: null, clientMsgId: null, staffOnly: false, data: {}, at: "2026-03-02T05:00:00Z",
});

describe("valuesFromContact", () => {
  const values = valuesFromContact(contact, [message(1, "citizen", "No hot water"), message(2, "agent", "Which address?"), message(3, "citizen", "Abai 10")], reference, "kk");

  it("fills the citizen, channel, language and category from the conversation", () => {
    expect(values).toMatchObject({
      fullName: "Aigerim",
      phone: "+77011234567",
      preferredLanguage: "ru",
      consent: true,
      channelCode: "web_chat",
      languageCode: "ru",
      categoryId: TOPIC,
      bodyId: BODY,
      typeCode: "request",
      criticalityCode: "normal",
      subject: "Housing",
      receivedAt: "2026-03-02 10:00:00",
    });
  });

  it("takes the text from what the citizen wrote", () => {
    expect(values.text).toBe("No hot water\nAbai 10");
  });

  it("builds a body linked to the contact, for the matched record when one is used", () => {
    const withDetails = appealRequestBody(values, "request", { kind: "typed" }, contact.id);
    expect(withDetails.contactId).toBe(contact.id);
    expect(withDetails.citizen?.consent).toEqual({ given: true, source: "web_chat" });
    const forRecord = appealRequestBody(values, "request", { kind: "record", citizenId: "44444444-4444-4444-8444-444444444444" }, contact.id);
    expect(forRecord.citizen).toBeUndefined();
    expect(forRecord.citizenId).toBe("44444444-4444-4444-8444-444444444444");
  });

  it("asks for the type and a name unless a citizen record is used", () => {
    const empty = { ...values, typeCode: null, fullName: "" };
    expect(Object.keys(checkAppealValues(empty, { kind: "typed" }, "en")).sort()).toEqual(["citizen.fullName", "typeCode"]);
    expect(Object.keys(checkAppealValues(empty, { kind: "record", citizenId: "44444444-4444-4444-8444-444444444444" }, "en"))).toEqual(["typeCode"]);
  });
});
