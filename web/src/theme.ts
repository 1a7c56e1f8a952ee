import { createTheme, type MantineColorsTuple } from "@mantine/core";

// A calm teal-blue; shade 8 is the primary so white text on it keeps a contrast ratio above 5:1.
const bailanys: MantineColorsTuple = [
  "#e6f6fa",
  "#cdeaf2",
  "#9cd4e5",
  "#67bdd8",
  "#3ea9cc",
  "#259dc5",
  "#1596c2",
  "#0483ab",
  "#00749a",
  "#006488",
];

export const theme = createTheme({
  primaryColor: "bailanys",
  primaryShade: 8,
  colors: { bailanys },
  defaultRadius: "sm",
  fontFamily: "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "600" },
  components: {
    // Long status names ("Исполнено, ожидает подтверждения") wrap instead of being cut to "Ис…".
    Badge: {
      defaultProps: { radius: "sm" },
      styles: { root: { textTransform: "none", height: "auto", minHeight: "var(--badge-height)", maxWidth: "100%" }, label: { whiteSpace: "normal", overflow: "visible", lineHeight: 1.3 } },
    },
  },
});
