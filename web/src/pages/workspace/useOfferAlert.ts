import type { OfferDto } from "@bailanys/common/api/contacts";
import { useCallback, useEffect, useRef, useState } from "react";
import { beep, primeAudio, readMuted, writeMuted } from "./offerSound.ts";

/**
 * Chimes once for every offer that appears after the window has loaded (whether it came as an offer frame or
 * in a snapshot), unless the operator muted it. Returns the mute switch.
 */
export function useOfferAlert(offers: readonly OfferDto[] | null): { muted: boolean; toggleMuted: () => void } {
  const [muted, setMuted] = useState(readMuted);
  const known = useRef<Set<string> | null>(null);

  useEffect(() => {
    const prime = () => primeAudio();
    window.addEventListener("pointerdown", prime);
    window.addEventListener("keydown", prime);
    return () => {
      window.removeEventListener("pointerdown", prime);
      window.removeEventListener("keydown", prime);
    };
  }, []);

  useEffect(() => {
    if (offers === null) {
      return;
    }
    const ids = offers.map((o) => o.id);
    // Offers already waiting when the window opened were announced before; only newcomers chime.
    const isNew = known.current !== null && ids.some((id) => !known.current?.has(id));
    known.current = new Set(ids);
    if (isNew && !muted) {
      beep();
    }
  }, [offers, muted]);

  const toggleMuted = useCallback(() => {
    setMuted((value) => {
      writeMuted(!value);
      return !value;
    });
  }, []);

  return { muted, toggleMuted };
}
