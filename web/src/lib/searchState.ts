/** Shortest query worth sending: one letter finds everything and tells nothing. */
export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 200;

/** The query as it is sent: trimmed, inner spaces collapsed, cut to the server's limit; null when too short. */
export function searchTerm(raw: string): string | null {
  const term = raw.trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH);
  return term.length >= MIN_QUERY_LENGTH ? term : null;
}

export interface SearchState<T> {
  /** The query being asked (null: nothing to search). */
  pending: string | null;
  /** The query the result answers; results stay shown while the next one loads. */
  query: string | null;
  result: T | null;
  loading: boolean;
  error: string | null;
}

export type SearchAction<T> =
  | { type: "clear" }
  | { type: "start"; query: string }
  | { type: "done"; query: string; result: T }
  | { type: "fail"; query: string; message: string };

export const EMPTY_SEARCH: SearchState<never> = { pending: null, query: null, result: null, loading: false, error: null };

/** Search state where an answer to a query the reader has since changed is dropped, never shown. */
export function searchReducer<T>(state: SearchState<T>, action: SearchAction<T>): SearchState<T> {
  switch (action.type) {
    case "clear":
      return EMPTY_SEARCH;
    case "start":
      return { ...state, pending: action.query, loading: true, error: null };
    case "done":
      return action.query === state.pending ? { ...state, query: action.query, result: action.result, loading: false, error: null } : state;
    case "fail":
      return action.query === state.pending ? { ...state, loading: false, error: action.message } : state;
  }
}
