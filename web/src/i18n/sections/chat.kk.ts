/** Citizen web chat (widget and hosted page). Keys must match chat.en.ts. */
export const chatKk = {
  title: "Байланыс орталығымен чат",
};
