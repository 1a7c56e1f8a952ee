import type { ApiFieldError } from "../../../api/client.ts";

/** One problem of an import file: the row and column it is in when the server names them (`rows.N.column`). */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

const ROW_FIELD = /^rows\.(\d+)\.(.+)$/;

/** The server's field problems of an import, in file order: by row, then as the server listed them. */
export function importProblems(fields: readonly ApiFieldError[]): ImportProblem[] {
  const problems = fields.map((f): ImportProblem => {
    const match = ROW_FIELD.exec(f.field);
    return match ? { row: Number(match[1]), column: match[2] ?? null, message: f.message } : { row: null, column: null, message: f.message };
  });
  // A stable sort keeps a row's problems in the server's column order; file-wide problems come first.
  return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
