import type { ErrorCode } from "@bailanys/common/errors";

export interface FieldProblem {
  field: string;
  code: ErrorCode;
}

/** A failure with a catalogue code; services throw it, the HTTP layer translates it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = "AppError";
  }

  /** One invalid field inside a VALIDATION_FAILED error. */
  static field(field: string, code: ErrorCode): AppError {
    return new AppError("VALIDATION_FAILED", [{ field, code }]);
  }
}
