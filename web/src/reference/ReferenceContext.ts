import type { ReferenceDto } from "@bailanys/common/api/reference";
import { createContext } from "react";

export interface ReferenceValue {
  /** The contact centre's reference data, or null while loading or without the right to read it. */
  reference: ReferenceDto | null;
  reload: () => Promise<void>;
  /** Takes a fresh snapshot an admin endpoint answered with, saving a round trip. */
  replace: (reference: ReferenceDto) => void;
}

export const ReferenceContext = createContext<ReferenceValue>({ reference: null, reload: async () => {}, replace: () => {} });
