import type { QueueBody } from "@bailanys/common/api/routing-admin";
import type { ErrorCode } from "@bailanys/common/errors";
import { RELAXABLE } from "@bailanys/common/contacts";
import { rangeProblem } from "../shared/numbers.ts";

export type WideningStep = QueueBody["widening"][number];

const MAX_AFTER = 86400;

/** The step a new row starts with: a minute after the last one, relaxing what no step relaxes yet. */
export function nextWideningStep(steps: readonly WideningStep[]): WideningStep {
  const lastAfter = steps.reduce((max, s) => Math.max(max, s.after), 0);
  const relax = RELAXABLE.find((r) => !steps.some((s) => s.relax === r)) ?? "level";
  return { after: Math.min(MAX_AFTER, lastAfter + 60), relax };
}

/**
 * Problems of the widening steps, keyed like the server's paths ("widening.1.after"): each wait is 1 s…24 h and
 * later than the step before, since steps fire in order as the contact keeps waiting.
 */
export function validateWidening(steps: readonly WideningStep[]): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    const problem = rangeProblem(step.after, 1, MAX_AFTER) ?? (previous !== undefined && step.after <= previous.after ? "FIELD_OUT_OF_RANGE" : null);
    if (problem !== null) {
      problems[`widening.${i}.after`] = problem;
    }
    if (!(RELAXABLE as readonly string[]).includes(step.relax)) {
      problems[`widening.${i}.relax`] = "FIELD_INVALID";
    }
  });
  return problems;
}
