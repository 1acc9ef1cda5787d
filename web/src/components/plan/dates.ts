/** "15 Januari 2024" from an ISO date, in the interface language. */
export const longDate = (iso: string, language: string) =>
  new Date(`${iso}T00:00:00`).toLocaleDateString(language === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
