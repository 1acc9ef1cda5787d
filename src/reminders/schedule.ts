import type { DatabaseHandle } from "../db/client.js";
import { todayInJakarta } from "../lib/jakarta-date.js";
import type { Mailer } from "./mailer.js";
import { runReminders } from "./run.js";

/**
 * Runs the reminders every `intervalMs` with today's date in WIB; the send log makes each tick (and the
 * first after a restart) send only what is still unsent. Returns stop.
 */
export function scheduleReminders(
  handle: DatabaseHandle,
  options: { intervalMs: number; mailer: Mailer | null },
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runReminders(handle.db, { today: todayInJakarta(), mailer: options.mailer });
      if (result.notices > 0) log.info(result, "pengingat tenggat dikirim / deadline reminders sent");
    } catch (error) {
      log.error({ err: error }, "pengingat tenggat gagal / deadline reminders failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
