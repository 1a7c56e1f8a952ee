import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from "@mantine/core";
import { darkenForContrast } from "./lib/contrast.ts";

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

/**
 * Mantine's default colours miss WCAG AA contrast (4.5:1) in two places, fixed here for every component:
 * text on a tinted background (light, outline and subtle badges and buttons) takes shade 6 (teal 2.4:1 on
 * its tint), so it takes shade 9 darkened until it reaches 6:1 on that tint; white text on a filled
 * background (a teal or orange button) gets a background darkened just enough to reach 4.5:1.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const palette = parsed.isThemeColor && parsed.color !== undefined ? input.theme.colors[parsed.color] : undefined;
  if (palette === undefined) {
    return colors;
  }
  if (input.variant === "light" || input.variant === "outline" || input.variant === "subtle") {
    // 6:1 against the palette's lightest shade leaves room for the fading some components add on top.
    return { ...colors, color: darkenForContrast(palette[9], palette[0], 6) };
  }
  if (input.variant === "filled" && parsed.color !== "gray" && parsed.color !== "dark") {
    const shade = typeof parsed.shade === "number" ? parsed.shade : 8;
    const background = darkenForContrast(palette[shade] ?? palette[8]);
    return { ...colors, background, hover: darken(background, 0.1), color: "#ffffff" };
  }
  return colors;
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: "bailanys",
  primaryShade: 8,
  colors: { bailanys },
  defaultRadius: "sm",
  fontFamily: "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "600" },
  components: {
    // A selected NavLink fades its description to 90 %, which takes small badges in it below 4.5:1.
    NavLink: { styles: { description: { "--description-opacity": 1 } } },
    // Long status names ("Исполнено, ожидает подтверждения") wrap instead of being cut to "Ис…".
    Badge: {
      defaultProps: { radius: "sm" },
      styles: { root: { textTransform: "none", height: "auto", minHeight: "var(--badge-height)", maxWidth: "100%" }, label: { whiteSpace: "normal", overflow: "visible", lineHeight: 1.3 } },
    },
  },
});

/**
 * Mantine's "dimmed" grey (#868e96) has a contrast of 3.3:1 on white, below WCAG AA for small text (4.5:1);
 * this one keeps 7:1 on white, above 6:1 on the light grey and tinted panels, and stays visibly secondary.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#50585f" },
  dark: {},
});
