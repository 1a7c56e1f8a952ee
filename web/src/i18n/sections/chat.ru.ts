/** Citizen web chat (widget and hosted page). Keys must match chat.en.ts. */
export const chatRu = {
  title: "Чат с контакт-центром",
};
