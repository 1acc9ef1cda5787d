import type { searchId } from "./search-id";

export const searchEn: typeof searchId = {
  open: "Search (Ctrl+K)",
  title: "Search",
  placeholder: "Search plans, indicators, units…",
  hint: "Type at least 2 letters.",
  none: "Nothing matches.",
  keys: "↑ ↓ to choose, Enter to open, Esc to close.",
  kinds: {
    orgUnit: "Unit",
    plan: "Plan",
    planIndicator: "RAK indicator",
    indicator: "Definition",
    dataSet: "Form",
    dataElement: "Data element",
    user: "User",
  },
};
