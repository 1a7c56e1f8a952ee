/** Citizen web chat (widget and hosted page). Keys must match chat.en.ts. */
export const chatEn = {
  title: "Chat with the contact centre",
};
