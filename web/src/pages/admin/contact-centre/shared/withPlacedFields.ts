import { ApiError } from "../../../../api/client.ts";
import { placeFields, type OrphanCode } from "./fieldErrors.ts";

/** Runs a call and rethrows an API failure with its fields placed on the form's keys, for useSave to show. */
export async function withPlacedFields<T>(work: () => Promise<T>, known: readonly string[], orphan?: OrphanCode): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof ApiError ? new ApiError(error.status, error.code, error.message, placeFields(error, known, orphan)) : error;
  }
}
