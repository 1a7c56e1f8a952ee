import type { CitizenCardDto, ContactDto } from "@bailanys/common/api/contacts";
import { useCallback, useEffect, useState } from "react";
import { api, ApiError, isAbort } from "../../api/client.ts";
import { answeredCardKey, contactCardKey } from "./citizenCard.ts";

interface Held {
  card: CitizenCardDto | null;
  /** The key the card stands for; the contact frame asking for another one fetches it again. */
  key: string | null;
  error: string | null;
}

export interface CitizenCardState {
  card: CitizenCardDto | null;
  loading: boolean;
  error: string | null;
  /** Runs verify or link; their answer is the new card, so no second (audited) fetch is needed. */
  change: (work: () => Promise<CitizenCardDto>) => Promise<void>;
  /** Asks again after a failed load. */
  retry: () => void;
}

/**
 * The citizen card of one conversation. Every GET is audited on the server, so it is fetched when the
 * conversation opens and when the contact frame shows another record, verification or appeal, never on a timer.
 */
export function useCitizenCard(contact: ContactDto): CitizenCardState {
  const [held, setHeld] = useState<Held>({ card: null, key: null, error: null });
  const [changing, setChanging] = useState(false);
  const wanted = contactCardKey(contact);
  const contactId = contact.id;

  useEffect(() => {
    // While verify or link is under way its answer is about to replace the card; a fetch now would be wasted.
    if (changing || held.key === wanted) {
      return;
    }
    const controller = new AbortController();
    api<CitizenCardDto>(`/contacts/${contactId}/citizen`, { signal: controller.signal })
      .then((card) => setHeld({ card, key: wanted, error: null }))
      .catch((error: unknown) => {
        if (!isAbort(error)) {
          // The key is taken even on failure, so a broken card is not asked for again on every frame.
          setHeld((now) => ({ ...now, key: wanted, error: error instanceof ApiError ? error.message : String(error) }));
        }
      });
    return () => controller.abort();
  }, [contactId, wanted, changing, held.key]);

  const change = useCallback(
    async (work: () => Promise<CitizenCardDto>) => {
      setChanging(true);
      try {
        const card = await work();
        setHeld({ card, key: answeredCardKey(card, contact), error: null });
      } finally {
        setChanging(false);
      }
    },
    [contact],
  );

  const retry = useCallback(() => setHeld((now) => ({ ...now, key: null, error: null })), []);

  return { card: held.card, loading: held.key !== wanted, error: held.error, change, retry };
}
