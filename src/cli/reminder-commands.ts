import type { Database } from "../db/client.js";
import { todayInJakarta } from "../lib/jakarta-date.js";
import { smtpMailer } from "../reminders/mailer.js";
import { runReminders } from "../reminders/run.js";
import { readConfig } from "../server/config.js";

/** `capaian reminders run`: sends what is due once, by e-mail too when SMTP_URL and SMTP_FROM are set. */
export async function runRemindersOnce(db: Database, today: string | undefined) {
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error("--today YYYY-MM-DD");
  const { smtp } = readConfig().reminders;
  const mailer = smtp ? smtpMailer(smtp) : null;
  try {
    return await runReminders(db, { today: today ?? todayInJakarta(), mailer });
  } finally {
    mailer?.close();
  }
}
