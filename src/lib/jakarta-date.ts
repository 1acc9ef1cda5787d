const jakartaDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" });

// Formatting through Intl costs more than the rest of a form's answer: keep the last minute's date.
let kept = { minute: Number.NaN, date: "" };

/** Today's date where the Dinas works (WIB), so a month opens at local midnight. */
export function todayInJakarta(now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== kept.minute) kept = { minute, date: jakartaDate.format(now) };
  return kept.date;
}
