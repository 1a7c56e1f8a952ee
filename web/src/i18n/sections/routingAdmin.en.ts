/** Contact-centre administration: queues, routing profiles, lists, canned replies, notices. Keys match routingAdmin.en.ts. */
export const routingAdminEn = {
  title: "Contact centre settings",
};
