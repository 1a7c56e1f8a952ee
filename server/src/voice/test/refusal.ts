/** The `reason` of the error of class `type` that `work` throws; null when it does not throw ("other" for another error). */
export function refusalReason(work: () => unknown, type: abstract new (...args: never[]) => Error & { reason: string }): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof type ? error.reason : "other";
  }
}
