import { useContext } from "react";
import { ReferenceContext, type ReferenceValue } from "./ReferenceContext.ts";

/** The reference data of the signed-in user's contact centre. */
export function useReference(): ReferenceValue {
  return useContext(ReferenceContext);
}
