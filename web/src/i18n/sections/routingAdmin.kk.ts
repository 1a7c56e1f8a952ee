/** Contact-centre administration: queues, routing profiles, lists, canned replies, notices. Keys match routingAdmin.en.ts. */
export const routingAdminKk = {
  title: "Байланыс орталығының баптаулары",
};
