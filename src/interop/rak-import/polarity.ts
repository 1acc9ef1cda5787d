/** "turun" → lower, "naik" → higher; anything else is not a polarity. */
export function readPolarity(text: string): "lower" | "higher" | null {
  const word = text.trim().toLowerCase();
  if (["turun", "lower", "menurun", "↓"].includes(word)) return "lower";
  if (["naik", "higher", "meningkat", "↑"].includes(word)) return "higher";
  return null;
}
