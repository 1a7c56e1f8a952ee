/** Operator workspace and supervisor board. Keys must match workspace.en.ts. */
export const workspaceKk = {
  title: "Жұмыс орны",
  boardTitle: "Жедел тақта",
};
