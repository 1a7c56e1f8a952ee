/** Operator workspace and supervisor board. Keys must match workspace.en.ts. */
export const workspaceRu = {
  title: "Рабочее место",
  boardTitle: "Оперативная панель",
};
