import { describe, expect, it } from "vitest";
import { EMPTY_SEARCH, searchReducer, searchTerm, type SearchState } from "./searchState.ts";

describe("searchTerm", () => {
  it("trims and collapses spaces, and refuses too short queries", () => {
    expect(searchTerm("  жилищная   помощь ")).toBe("жилищная помощь");
    expect(searchTerm(" a ")).toBeNull();
    expect(searchTerm("x".repeat(300))).toHaveLength(200);
  });
});

describe("searchReducer", () => {
  const start: SearchState<string[]> = EMPTY_SEARCH;

  it("shows the answer to the query being asked", () => {
    const asked = searchReducer(start, { type: "start", query: "пенсия" });
    expect(asked).toMatchObject({ loading: true, pending: "пенсия", result: null });
    expect(searchReducer(asked, { type: "done", query: "пенсия", result: ["pension"] })).toMatchObject({ loading: false, query: "пенсия", result: ["pension"] });
  });

  it("drops a late answer to a query the reader has already changed, keeping the shown results", () => {
    let state = searchReducer(start, { type: "start", query: "пен" });
    state = searchReducer(state, { type: "start", query: "пенсия" });
    state = searchReducer(state, { type: "done", query: "пенсия", result: ["pension"] });
    state = searchReducer(state, { type: "done", query: "пен", result: ["other"] });
    state = searchReducer(state, { type: "fail", query: "пен", message: "late" });
    expect(state).toMatchObject({ query: "пенсия", result: ["pension"], error: null, loading: false });
  });

  it("reports a failure of the current query and clears", () => {
    const failed = searchReducer(searchReducer(start, { type: "start", query: "q1" }), { type: "fail", query: "q1", message: "down" });
    expect(failed).toMatchObject({ loading: false, error: "down" });
    expect(searchReducer(failed, { type: "clear" })).toEqual(EMPTY_SEARCH);
  });
});
