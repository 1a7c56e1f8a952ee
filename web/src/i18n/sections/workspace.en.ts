/** Operator workspace and supervisor board. Keys must match workspace.en.ts. */
export const workspaceEn = {
  title: "Workspace",
  boardTitle: "Live board",
};
