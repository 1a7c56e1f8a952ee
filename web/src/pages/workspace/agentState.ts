import type { AgentSnapshot, ContactDto, OfferDto } from "@bailanys/common/api/contacts";

/** When an offer runs out on this device's clock, and how many seconds it had when it first arrived (the full ring). */
export interface OfferClock {
  deadline: number;
  seconds: number;
}

/** The operator's window: the latest snapshot and a clock per offer. */
export interface WorkspaceState {
  snapshot: AgentSnapshot | null;
  /** Offer id → its clock, counted from the seconds left when it arrived, so clock skew does not matter. */
  deadlines: Readonly<Record<string, OfferClock>>;
}

export type WorkspaceAction =
  | { type: "snapshot"; snapshot: AgentSnapshot; now: number }
  | { type: "offer"; offer: OfferDto; now: number }
  | { type: "contact"; contact: ContactDto }
  | { type: "accepted"; offerId: string; contact: ContactDto }
  | { type: "offerGone"; offerId: string };

export const INITIAL_WORKSPACE: WorkspaceState = { snapshot: null, deadlines: {} };

/** States in which a contact stays in the operator's list of open conversations. */
const OPEN_HERE = new Set<ContactDto["state"]>(["active", "held", "wrapup"]);

function deadlinesFor(offers: readonly OfferDto[], previous: Readonly<Record<string, OfferClock>>, now: number): Record<string, OfferClock> {
  return Object.fromEntries(offers.map((o) => [o.id, previous[o.id] ?? { deadline: now + o.secondsLeft * 1000, seconds: o.secondsLeft }]));
}

function withContact(contacts: readonly ContactDto[], contact: ContactDto): ContactDto[] {
  return contacts.some((c) => c.id === contact.id) ? contacts.map((c) => (c.id === contact.id ? contact : c)) : [...contacts, contact];
}

/** Applies a snapshot or a live frame; a snapshot is the truth and replaces everything it covers. */
export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  const snapshot = state.snapshot;
  switch (action.type) {
    case "snapshot":
      return { snapshot: action.snapshot, deadlines: deadlinesFor(action.snapshot.offers, state.deadlines, action.now) };
    case "offer": {
      if (snapshot === null || snapshot.offers.some((o) => o.id === action.offer.id)) {
        return state;
      }
      const offers = [...snapshot.offers, action.offer];
      return { snapshot: { ...snapshot, offers }, deadlines: deadlinesFor(offers, state.deadlines, action.now) };
    }
    case "contact": {
      if (snapshot === null || !snapshot.contacts.some((c) => c.id === action.contact.id)) {
        // A contact that is not (or no longer) in the list arrives with the next snapshot if it belongs here.
        return state;
      }
      const contacts = OPEN_HERE.has(action.contact.state)
        ? withContact(snapshot.contacts, action.contact)
        : snapshot.contacts.filter((c) => c.id !== action.contact.id);
      return { ...state, snapshot: { ...snapshot, contacts } };
    }
    case "accepted": {
      if (snapshot === null) {
        return state;
      }
      const offers = snapshot.offers.filter((o) => o.id !== action.offerId);
      return { snapshot: { ...snapshot, offers, contacts: withContact(snapshot.contacts, action.contact) }, deadlines: deadlinesFor(offers, state.deadlines, 0) };
    }
    case "offerGone": {
      if (snapshot === null) {
        return state;
      }
      const offers = snapshot.offers.filter((o) => o.id !== action.offerId);
      return { snapshot: { ...snapshot, offers }, deadlines: deadlinesFor(offers, state.deadlines, 0) };
    }
  }
}
