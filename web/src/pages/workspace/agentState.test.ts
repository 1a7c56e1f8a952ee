import type { AgentSnapshot, ContactDto, OfferDto } from "@bailanys/common/api/contacts";
import { describe, expect, it } from "vitest";
import { INITIAL_WORKSPACE, workspaceReducer, type WorkspaceState } from "./agentState.ts";

function contact(id: string, state: ContactDto["state"] = "active"): ContactDto {
  return {
    id,
    channel: { code: "web_chat", name: "Web chat" },
    direction: "inbound",
    state,
    queue: null,
    topic: null,
    language: { code: "ru", name: "Russian" },
    locale: "ru",
    priority: 0,
    visitor: { name: "Aigerim", phone: null, email: null },
    citizen: null,
    agent: null,
    arrivedAt: "2026-03-02T10:00:00Z",
    queuedAt: null,
    offeredAt: null,
    answeredAt: null,
    heldAt: null,
    holdSeconds: 0,
    holdCount: 0,
    endedAt: null,
    wrapupDeadline: null,
    wrapupDoneAt: null,
    endedBy: null,
    outcome: null,
    wrapupCode: null,
    resolvedFirstContact: null,
    relaxed: [],
    lastSeq: 0,
    citizenReadSeq: 0,
    agentReadSeq: 0,
    callbackPhone: null,
    survey: null,
    appeals: [],
  };
}
const offer = (id: string, secondsLeft: number): OfferDto => ({ id, contactId: `c-${id}`, expiresAt: "2026-03-02T10:00:30Z", secondsLeft, contact: contact(`c-${id}`, "offered") });
const snapshot = (offers: OfferDto[], contacts: ContactDto[] = []): AgentSnapshot => ({
  profile: null,
  state: "ready",
  presence: "ready",
  reason: null,
  stateSince: "2026-03-02T09:00:00Z",
  offers,
  contacts,
});

describe("workspaceReducer", () => {
  it("counts an offer down from the seconds left when it first arrived, whatever later snapshots say", () => {
    let state = workspaceReducer(INITIAL_WORKSPACE, { type: "snapshot", snapshot: snapshot([]), now: 0 });
    state = workspaceReducer(state, { type: "offer", offer: offer("a", 20), now: 1_000 });
    expect(state.deadlines.a).toEqual({ deadline: 21_000, seconds: 20 });
    state = workspaceReducer(state, { type: "snapshot", snapshot: snapshot([offer("a", 17)]), now: 4_000 });
    expect(state.deadlines.a).toEqual({ deadline: 21_000, seconds: 20 });
    state = workspaceReducer(state, { type: "snapshot", snapshot: snapshot([]), now: 5_000 });
    expect(state.deadlines).toEqual({});
  });

  it("moves an accepted offer to the open conversations", () => {
    let state: WorkspaceState = workspaceReducer(INITIAL_WORKSPACE, { type: "snapshot", snapshot: snapshot([offer("a", 20)]), now: 0 });
    state = workspaceReducer(state, { type: "accepted", offerId: "a", contact: contact("c-a") });
    expect(state.snapshot?.offers).toEqual([]);
    expect(state.snapshot?.contacts.map((c) => c.id)).toEqual(["c-a"]);
  });

  it("updates an open contact and lets it go once it is closed or transferred away", () => {
    let state = workspaceReducer(INITIAL_WORKSPACE, { type: "snapshot", snapshot: snapshot([], [contact("x"), contact("y")]), now: 0 });
    state = workspaceReducer(state, { type: "contact", contact: contact("x", "wrapup") });
    expect(state.snapshot?.contacts.map((c) => c.state)).toEqual(["wrapup", "active"]);
    state = workspaceReducer(state, { type: "contact", contact: contact("y", "queued") });
    state = workspaceReducer(state, { type: "contact", contact: contact("z") });
    expect(state.snapshot?.contacts.map((c) => c.id)).toEqual(["x"]);
  });
});
