/** Contact-centre administration: queues, routing profiles, lists, canned replies, notices. Keys match routingAdmin.en.ts. */
export const routingAdminRu = {
  title: "Настройки контакт-центра",
};
