import { createTheme, DEFAULT_THEME, type DefaultMantineColor, type MantineColorsTuple } from "@mantine/core";
import "./focus.css";

type Shades = Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, string>>;

/** Mantine's palette with some shades replaced (same hue, darker). */
const darker = (name: DefaultMantineColor, shades: Shades) =>
  (DEFAULT_THEME.colors[name] as MantineColorsTuple).map(
    (shade, i) => shades[i as keyof Shades] ?? shade,
  ) as unknown as MantineColorsTuple;

/**
 * WCAG 2.1 AA contrast (4.5:1) for every text colour the app draws. Mantine's defaults miss it: dimmed text
 * (gray.6) on white is 3.3:1, teal.6 buttons under white text 2.5:1, the light badges' shade 9 on shade 1
 * 2.7–4.3:1. Shades 7–9 are darkened until shade 7 reaches 4.6:1 on white, shade 8 5.2:1 on white and 4.6:1
 * on shade 0, shade 9 4.6:1 on shade 1; gray.6 (dimmed) reaches 4.6:1 on the pale yellow and grey cells, and
 * red.6 (the error text of fields) 4.5:1.
 * Filled colours use shade 8 so white text on them passes too; lighter shades (borders, backgrounds) stay.
 */
const colors = {
  gray: darker("gray", { 6: "#656b71" }),
  red: darker("red", { 6: "#e03131", 7: "#d83838", 8: "#ce2d2d", 9: "#b32525" }),
  blue: darker("blue", { 7: "#1a77ca", 8: "#186ebd", 9: "#165c9d" }),
  cyan: darker("cyan", { 7: "#0e8092", 8: "#0b7789", 9: "#0a6a7c" }),
  // Teal is the primary colour: links (shade 8) sit on the alerts' light backgrounds too.
  teal: darker("teal", { 7: "#0a8560", 8: "#087553", 9: "#077252" }),
  green: darker("green", { 7: "#29853a", 8: "#257c35", 9: "#247434" }),
  lime: darker("lime", { 7: "#528210", 8: "#49790b", 9: "#4a760a" }),
  yellow: darker("yellow", { 7: "#a26900", 8: "#9e5c00", 9: "#a45500" }),
  orange: darker("orange", { 7: "#c45206", 8: "#ba470a", 9: "#b03a0c" }),
  violet: darker("violet", { 9: "#5b3abb" }),
  indigo: darker("indigo", { 9: "#334abb" }),
};

export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 8, dark: 8 },
  colors,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: "sm",
  // Text inputs only change their border colour on focus; a ring makes the focused field plain to see.
  components: { Input: { classNames: { input: "app-input" } } },
});
