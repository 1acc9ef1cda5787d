const jakartaDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" });

/** Today's date where the Dinas works (WIB), so a month opens at local midnight. */
export function todayInJakarta(now = new Date()): string {
  return jakartaDate.format(now);
}
