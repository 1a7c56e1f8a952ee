import { useEffect, useReducer, useRef } from "react";
import { ApiError, isAbort } from "../api/client.ts";
import { i18n } from "../i18n/i18n.ts";
import { EMPTY_SEARCH, searchReducer, searchTerm, type SearchState } from "../lib/searchState.ts";

export const SEARCH_DEBOUNCE_MS = 350;

/**
 * Searches as the reader types: waits for a pause, cancels the previous request, and never shows an answer to
 * an older query. `scope` (tenant, language, contact…) starts a new search when it changes.
 */
export function useDebouncedSearch<T>(raw: string, scope: string, search: (term: string, signal: AbortSignal) => Promise<T>, delayMs = SEARCH_DEBOUNCE_MS): SearchState<T> {
  const [state, dispatch] = useReducer(searchReducer<T>, EMPTY_SEARCH);
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  });
  const term = searchTerm(raw);

  useEffect(() => {
    if (term === null) {
      dispatch({ type: "clear" });
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      dispatch({ type: "start", query: term });
      searchRef
        .current(term, controller.signal)
        .then((result) => dispatch({ type: "done", query: term, result }))
        .catch((error: unknown) => {
          if (!isAbort(error)) {
            dispatch({ type: "fail", query: term, message: error instanceof ApiError ? error.message : i18n.t("errors.unexpected") });
          }
        });
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [term, scope, delayMs]);

  return state;
}
