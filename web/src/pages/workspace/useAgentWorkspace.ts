import type { AgentSnapshot, AgentStateBody, ContactDto, OfferDto } from "@bailanys/common/api/contacts";
import { useCallback, useEffect, useReducer, useState } from "react";
import { api, ApiError, isAbort } from "../../api/client.ts";
import { notifyError } from "../../lib/notifyError.ts";
import type { StaffSocket } from "../../realtime/staffSocket.ts";
import { INITIAL_WORKSPACE, workspaceReducer, type OfferClock } from "./agentState.ts";

export interface AgentWorkspace {
  snapshot: AgentSnapshot | null;
  deadlines: Readonly<Record<string, OfferClock>>;
  loadError: string | null;
  /** The server refused to switch the state: this user has no routing profile. */
  profileMissing: boolean;
  switching: boolean;
  /** The offer being accepted or declined right now. */
  deciding: string | null;
  setState: (body: AgentStateBody) => Promise<void>;
  accept: (offer: OfferDto) => Promise<ContactDto | null>;
  decline: (offer: OfferDto) => Promise<void>;
  /** A fresh copy of an open contact fetched after an action here. */
  applyContact: (contact: ContactDto) => void;
}

/** The operator's own state, offers and open contacts: GET /agent/me once, then the socket's snapshots and offers. */
export function useAgentWorkspace(socket: StaffSocket): AgentWorkspace {
  const [state, dispatch] = useReducer(workspaceReducer, INITIAL_WORKSPACE);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [profileMissing, setProfileMissing] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [deciding, setDeciding] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api<AgentSnapshot>("/agent/me", { signal: controller.signal })
      .then((snapshot) => dispatch({ type: "snapshot", snapshot, now: Date.now() }))
      .catch((error: unknown) => {
        if (!isAbort(error)) {
          setLoadError(error instanceof ApiError ? error.message : String(error));
        }
      });
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      socket.onFrame((frame) => {
        if (frame.type === "agent") {
          setLoadError(null);
          dispatch({ type: "snapshot", snapshot: frame.snapshot, now: Date.now() });
        } else if (frame.type === "offer") {
          dispatch({ type: "offer", offer: frame.offer, now: Date.now() });
        } else if (frame.type === "contact") {
          dispatch({ type: "contact", contact: frame.contact });
        }
      }),
    [socket],
  );

  const setState = useCallback(async (body: AgentStateBody) => {
    setSwitching(true);
    try {
      const snapshot = await api<AgentSnapshot>("/agent/me/state", { method: "PUT", json: body });
      setProfileMissing(false);
      dispatch({ type: "snapshot", snapshot, now: Date.now() });
    } catch (error) {
      if (error instanceof ApiError && error.code === "AGENT_PROFILE_MISSING") {
        setProfileMissing(true);
      } else {
        notifyError(error);
      }
    } finally {
      setSwitching(false);
    }
  }, []);

  const accept = useCallback(async (offer: OfferDto) => {
    setDeciding(offer.id);
    try {
      const contact = await api<ContactDto>(`/offers/${offer.id}/accept`, { method: "POST" });
      dispatch({ type: "accepted", offerId: offer.id, contact });
      return contact;
    } catch (error) {
      notifyError(error);
      if (error instanceof ApiError && error.code === "OFFER_NOT_PENDING") {
        dispatch({ type: "offerGone", offerId: offer.id });
      }
      return null;
    } finally {
      setDeciding(null);
    }
  }, []);

  const decline = useCallback(async (offer: OfferDto) => {
    setDeciding(offer.id);
    try {
      await api(`/offers/${offer.id}/decline`, { method: "POST" });
      dispatch({ type: "offerGone", offerId: offer.id });
    } catch (error) {
      notifyError(error);
      if (error instanceof ApiError && error.code === "OFFER_NOT_PENDING") {
        dispatch({ type: "offerGone", offerId: offer.id });
      }
    } finally {
      setDeciding(null);
    }
  }, []);

  const applyContact = useCallback((contact: ContactDto) => dispatch({ type: "contact", contact }), []);

  return { snapshot: state.snapshot, deadlines: state.deadlines, loadError, profileMissing, switching, deciding, setState, accept, decline, applyContact };
}
